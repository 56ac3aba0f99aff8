using System.Text.RegularExpressions;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using KerasMnist.Tests.Isolation;
using KerasMnist.Tutorial.Stages;
using Xunit.Abstractions;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Tutorial;

/// <summary>
/// The cheque stage in a short run: it writes its fields as PNG files with their answers, and every figure it prints
/// is what reading those files with the CNN it names (improve's cnn.keras) gives. A stage that printed made-up
/// figures, read with another model or scored against the wrong answers would fail here.
/// </summary>
public sealed class ChequeStageTests(ITestOutputHelper log) : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_cheque_stage_reads_its_fields_with_improves_cnn_and_prints_the_accuracies_of_those_reads()
    {
        var output = folder.Combine("output");
        var (code, stdout, error) = ProgramProcess.Run(folder.Path,
            new Dictionary<string, string?> { ["KERASMNIST_DATA_DIR"] = SharedMnist.Folder },
            TimeSpan.FromMinutes(20), "run", "cheque", "--epochs", "1", "--limit", "2000", "--output", output);
        Assert.True(code == 0, $"{ExitStatus.Describe(code)}\n{error}\n{stdout}");
        Assert.Contains("cheque braucht collect, prepare, improve: laufen zuerst.", stdout);
        Assert.Contains("# Ziffern auf einem Scheck lesen  (cheque)", stdout);
        var reader = new DigitReader(keras.models.load_model(Path.Combine(output, "cnn.keras")));

        // The single field: an RGB PNG whose reading by improve's CNN is what the stage printed.
        var single = Path.Combine(output, "cheque_amount.png");
        Assert.Contains($"-> {single}", stdout);
        Assert.Equal("RGB", ImageFile.Load(single).mode);
        var printed = Regex.Match(stdout, @"^Betrag: echt (\d+,\d\d), gelesen ([\d,]*) \((richtig|falsch)\)$", RegexOptions.Multiline);
        Assert.True(printed.Success, stdout);
        var read = reader.Read(single, FieldMode.Field).Format();
        Assert.Equal(read, printed.Groups[2].Value);
        Assert.Equal(read == printed.Groups[1].Value ? "richtig" : "falsch", printed.Groups[3].Value);

        // The 100 fields and their answers, read again here.
        var fields = Path.Combine(output, ChequeStage.FieldsFolder);
        var rows = File.ReadAllLines(Path.Combine(fields, ChequeStage.AnswersFile)).Skip(1).Select(l => l.Split(';')).ToList();
        Assert.Equal(ChequeStage.Fields, rows.Count);
        Assert.Equal(rows.Select(r => r[0]).Order(), Directory.GetFiles(fields, "*.png").Select(Path.GetFileName).Order());
        var readings = reader.Read(rows.Select(r => Path.Combine(fields, r[0])), FieldMode.Field);
        int digitsRight = 0, digitsTotal = 0, amountsRight = 0;
        foreach (var (row, reading) in rows.Zip(readings))
        {
            Assert.Matches(@"^[1-9]\d{0,3},\d\d$", row[1]);
            Assert.Equal(reading.Format(), row[2]);
            var truth = row[1].Replace(",", "");
            digitsTotal += truth.Length;
            if (reading.Number.Length == truth.Length) digitsRight += reading.Number.Zip(truth).Count(p => p.First == p.Second);
            if (reading.Format() == row[1]) amountsRight++;
        }
        log.WriteLine($"digits {digitsRight}/{digitsTotal}, amounts {amountsRight}/{rows.Count}");

        var digits = Regex.Match(stdout, @"^Ziffern richtig gelesen: ([\d.]+) von ([\d.]+) \(\d+,\d %\)$", RegexOptions.Multiline);
        var amounts = Regex.Match(stdout, @"^Beträge ganz richtig gelesen: ([\d.]+) von ([\d.]+) \(\d+,\d %\)$", RegexOptions.Multiline);
        Assert.True(digits.Success && amounts.Success, stdout);
        Assert.Equal((digitsRight, digitsTotal), (Count(digits.Groups[1]), Count(digits.Groups[2])));
        Assert.Equal((amountsRight, ChequeStage.Fields), (Count(amounts.Groups[1]), Count(amounts.Groups[2])));
        // One epoch on 2,000 images reads most digits; answers that do not belong to the images would be right by chance (10 %).
        Assert.True(digitsRight > 0.4 * digitsTotal, $"{digitsRight} of {digitsTotal} digits read right");
    }

    static int Count(Group group) => int.Parse(group.Value.Replace(".", ""));
}
