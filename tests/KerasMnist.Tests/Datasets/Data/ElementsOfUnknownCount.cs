using KerasMnist.Datasets.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Datasets.Data;

/// <summary>
/// A dataset defined outside the library, as a user might write one: it only enumerates elements
/// (x[i] = (i, -i), y[i] = i) and reports the cardinality it is given.
/// </summary>
internal sealed class ElementsOfUnknownCount(int count, long reportedCardinality = -2) : Dataset
{
    public override long cardinality() => reportedCardinality;

    public override IEnumerator<(Tensor x, Tensor y)> GetEnumerator()
    {
        for (int i = 0; i < count; i++)
            yield return (tensor(new float[] { i, -i }), tensor((long)i));
    }
}
