using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace KerasMnist.Datasets.Data;

/// <summary>
/// One pass of an upstream pipeline on a background thread, feeding a bounded queue. Disposing it stops
/// the thread, waits for it and frees whatever was produced but not taken.
/// </summary>
internal sealed class PrefetchProducer : IDisposable
{
    private readonly BlockingCollection<Block> _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private Exception? _error;

    public PrefetchProducer(Dataset upstream, int capacity)
    {
        _queue = new BlockingCollection<Block>(new ConcurrentQueue<Block>(), capacity);
        _thread = new Thread(() => Produce(upstream)) { IsBackground = true, Name = "tf.data prefetch" };
        _thread.Start();
    }

    /// <summary>The next block in upstream order; false at the end. Rethrows an upstream error where it occurred.</summary>
    public bool TryTake(out Block block)
    {
        if (_queue.TryTake(out block!, Timeout.Infinite)) return true;
        _thread.Join();
        if (_error is not null) ExceptionDispatchInfo.Capture(_error).Throw();
        return false;
    }

    private void Produce(Dataset upstream)
    {
        try
        {
            foreach (var block in upstream.Blocks())
            {
                try
                {
                    _queue.Add(block, _stop.Token);
                }
                catch
                {
                    block.Dispose();
                    throw;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer left; leaving the foreach above has already stopped the upstream.
        }
        catch (Exception e)
        {
            _error = e;
        }
        finally
        {
            _queue.CompleteAdding();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        while (_queue.TryTake(out var block))
            block.Dispose();
        _queue.Dispose();
        _stop.Dispose();
    }
}
