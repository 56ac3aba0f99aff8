using System.Runtime.ExceptionServices;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// One pass of an upstream pipeline on background threads, feeding a bounded, ordered buffer. The workers
/// take turns reading the upstream (which runs sequentially, in order) and then each makes the copy of the
/// batch it read (<see cref="Block.Materialize"/>) in parallel with the others. A consumer that finds nothing
/// ready works as one more worker instead of sleeping. Disposing stops the workers, waits for them and
/// frees whatever was produced but not taken.
/// </summary>
/// <remarks>
/// Several workers rather than one: copying shuffled rows out of the cache is the pipeline's whole cost, and
/// on a shared machine each runnable thread gets its share of the cores, so a single copying thread falls
/// behind as soon as anything else runs. The buffer bound holds for all workers together.
/// </remarks>
internal sealed class PrefetchProducer : IDisposable
{
    private readonly IEnumerator<Block> _upstream;
    private readonly bool _materialize;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _readGate = new();
    private readonly object _doneGate = new();
    private readonly Dictionary<long, Block> _done = [];
    private readonly Thread[] _workers;
    private long _nextToRead;
    private long _nextToTake;
    private long _end = long.MaxValue;
    private (long position, Exception error)? _failure;

    /// <param name="upstream">The pipeline to run.</param>
    /// <param name="capacity">Elements produced but not yet taken, at most.</param>
    /// <param name="materialize">Whether workers copy lazy gathers (batches) ahead of the consumer.</param>
    public PrefetchProducer(Dataset upstream, int capacity, bool materialize)
    {
        _upstream = upstream.Blocks().GetEnumerator();
        _materialize = materialize;
        _slots = new SemaphoreSlim(capacity, capacity);
        int workers = materialize ? Math.Clamp(Environment.ProcessorCount, 1, capacity) : 1;
        _workers = [.. Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "tf.data prefetch" })];
        foreach (var worker in _workers) worker.Start();
    }

    /// <summary>The next block in upstream order; false at the end. Rethrows an upstream error where it occurred.</summary>
    public bool TryTake(out Block block)
    {
        while (true)
        {
            lock (_doneGate)
            {
                if (TakeReady(out block, out bool finished)) return true;
                if (finished) return false;
            }
            // Nothing ready: rather than sleep, the consumer makes the next element itself if the buffer has room.
            if (_slots.Wait(0) && ProduceOne()) continue;
            lock (_doneGate)
            {
                if (TakeReady(out block, out bool finished)) return true;
                if (finished) return false;
                Monitor.Wait(_doneGate);
            }
        }
    }

    // Called under the done gate.
    private bool TakeReady(out Block block, out bool finished)
    {
        finished = false;
        if (_done.Remove(_nextToTake, out block!))
        {
            _nextToTake++;
            _slots.Release();
            return true;
        }
        if (_failure is { } failure && failure.position == _nextToTake)
            ExceptionDispatchInfo.Capture(failure.error).Throw();
        finished = _nextToTake >= _end;
        return false;
    }

    private void Work()
    {
        try
        {
            do _slots.Wait(_stop.Token);
            while (ProduceOne());
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer left; Dispose stops the upstream.
        }
    }

    // Reads the next upstream element and copies it if asked to; false once there is nothing more to read.
    // The caller holds a buffer slot.
    private bool ProduceOne()
    {
        long position;
        Block block;
        lock (_readGate)
        {
            position = _nextToRead;
            if (_stop.IsCancellationRequested || position >= Volatile.Read(ref _end) || !Read(position)) return false;
            block = _upstream.Current;
            _nextToRead++;
        }
        try
        {
            if (_materialize) block.Materialize();
        }
        catch (Exception e)
        {
            block.Dispose();
            Fail(position, e);
            return false;
        }
        lock (_doneGate)
        {
            _done[position] = block;
            Monitor.PulseAll(_doneGate);
        }
        return true;
    }

    // Called under the read gate. False at the end of the upstream or on its failure, both recorded.
    private bool Read(long position)
    {
        bool more;
        try
        {
            more = _upstream.MoveNext();
        }
        catch (Exception e)
        {
            Fail(position, e);
            return false;
        }
        if (!more)
        {
            lock (_doneGate)
            {
                _end = position;
                Monitor.PulseAll(_doneGate);
            }
        }
        return more;
    }

    // The error surfaces when the consumer reaches its position, after everything before it; nothing later is read.
    private void Fail(long position, Exception error)
    {
        lock (_doneGate)
        {
            if (_failure is null || position < _failure.Value.position) _failure = (position, error);
            _end = Math.Min(_end, position + 1);
            Monitor.PulseAll(_doneGate);
        }
        _stop.Cancel();
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var worker in _workers) worker.Join();
        foreach (var block in _done.Values) block.Dispose();
        _done.Clear();
        _upstream.Dispose();
        _slots.Dispose();
        _stop.Dispose();
    }
}
