using System.Collections;
using KerasMnist.Datasets.Data;

namespace KerasMnist.Datasets.Core;

/// <summary>
/// The datasets <c>tfds.load</c> returns for a list of splits, in the order of the list. Deconstructs like the
/// Python tuple: <c>var (ds_train, ds_valid, ds_test) = ...</c> (2, 3 or 4 splits).
/// </summary>
public sealed class DatasetList(IReadOnlyList<Dataset> datasets) : IReadOnlyList<Dataset>
{
    /// <inheritdoc/>
    public Dataset this[int index] => datasets[index];

    /// <inheritdoc/>
    public int Count => datasets.Count;

    /// <summary>Unpacks two splits.</summary>
    public void Deconstruct(out Dataset first, out Dataset second)
    {
        Expect(2);
        (first, second) = (datasets[0], datasets[1]);
    }

    /// <summary>Unpacks three splits.</summary>
    public void Deconstruct(out Dataset first, out Dataset second, out Dataset third)
    {
        Expect(3);
        (first, second, third) = (datasets[0], datasets[1], datasets[2]);
    }

    /// <summary>Unpacks four splits.</summary>
    public void Deconstruct(out Dataset first, out Dataset second, out Dataset third, out Dataset fourth)
    {
        Expect(4);
        (first, second, third, fourth) = (datasets[0], datasets[1], datasets[2], datasets[3]);
    }

    /// <inheritdoc/>
    public IEnumerator<Dataset> GetEnumerator() => datasets.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Python raises "too many values to unpack"; C# cannot check the arity at compile time, so say it clearly here.
    private void Expect(int count)
    {
        if (datasets.Count != count)
            throw new InvalidOperationException(
                $"tfds.load returned {datasets.Count} datasets (one per split in the list) but the code unpacks {count}. " +
                "Unpack as many variables as there are splits.");
    }
}
