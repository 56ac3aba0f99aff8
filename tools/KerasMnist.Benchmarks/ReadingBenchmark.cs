using System.Diagnostics;
using System.Globalization;
using KerasMnist.Datasets;
using KerasMnist.Datasets.Builders;
using KerasMnist.Tfds;

namespace KerasMnist.Benchmarks;

/// <summary>
/// <c>reading [--rounds N]</c>: how long the data takes to get into memory, the speed the tests no longer time
/// (they check the behaviour that keeps it fast: one copy of the pixels, batch-wise copies). Per round: parsing the
/// 60,000-image training file (<c>IdxReader.ReadImages</c>: decompression, gzip check, one pixel array), as thread CPU
/// time and wall time; and <c>tfds.as_dataframe(ds_train, ds_info)</c> over the notebook's 42,000 training images
/// (the explore stage's cell), wall time. Element-by-element copying once made the second take about 8 s.
/// </summary>
internal static class ReadingBenchmark
{
    public const string Usage = "reading [--rounds N]   parse the 60,000-image IDX file; tfds.as_dataframe over 42,000 images";

    public static int Run(string[] args)
    {
        int rounds = 5;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--rounds" && i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0)
            {
                rounds = n;
                i++;
                continue;
            }
            Console.Error.WriteLine($"reading: unexpected argument '{args[i]}'. Usage: {Usage}");
            return 2;
        }

        using var builder = tfds.builder("mnist");
        builder.download_and_prepare();
        string path = Path.Combine(builder.info.data_dir, "train-images-idx3-ubyte.gz");
        if (!File.Exists(path)) path = path[..^3];
        var (ds_train, ds_info) = tfds.load("mnist", "train[:70%]", with_info: true);
        Console.WriteLine($"{path}, {rounds} rounds after one warm-up (JIT, page cache)");

        IdxReader.ReadImages(path);
        tfds.as_dataframe(ds_train.take(100), ds_info);
        var parseCpu = new List<double>();
        var parseWall = new List<double>();
        var frameWall = new List<double>();
        for (int round = 0; round < rounds; round++)
        {
            var wall = Stopwatch.StartNew();
            var cpu = ThreadCpuTime.Available ? ThreadCpuTime.Now() : TimeSpan.Zero;
            int count = IdxReader.ReadImages(path).count;
            parseCpu.Add(((ThreadCpuTime.Available ? ThreadCpuTime.Now() : TimeSpan.Zero) - cpu).TotalMilliseconds);
            parseWall.Add(wall.Elapsed.TotalMilliseconds);

            wall.Restart();
            var df = tfds.as_dataframe(ds_train, ds_info);
            frameWall.Add(wall.Elapsed.TotalMilliseconds);
            if (count != 60_000 || df.Rows.Count != 42_000)
                throw new InvalidOperationException($"read {count} images and {df.Rows.Count} rows; expected 60,000 and 42,000.");
        }
        if (ThreadCpuTime.Available) Report("IdxReader.ReadImages, thread CPU", parseCpu);
        Report("IdxReader.ReadImages, wall", parseWall);
        Report("tfds.as_dataframe(ds_train), wall", frameWall);
        return 0;
    }

    private static void Report(string what, List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-36} median {sorted[sorted.Count / 2],7:F1} ms   min {sorted[0],7:F1} ms   max {sorted[^1],7:F1} ms"));
    }
}
