using static KerasMnist.Keras.KerasApi;
using static TorchSharp.torch;

namespace KerasMnist.Tests.Keras.Numerics;

/// <summary>MaxPooling2D on channels-last input: floor output size for "valid", TensorFlow's padding for "same".</summary>
public class MaxPoolingTests
{
    // Channel 0 of a 5x5 image: the last row and column hold the largest values, so any pooling that
    // (wrongly) rounds the output size up would let them show. Channel 1 is its negation.
    static readonly float[] Plane =
    [
        1, 2, 3, 4, 90,
        5, 6, 7, 8, 91,
        9, 10, 11, 12, 92,
        13, 14, 15, 16, 93,
        94, 95, 96, 97, 98,
    ];

    static Tensor TwoChannelImage()
    {
        using var plane = tensor(Plane).reshape(5, 5);
        return stack([plane, plane.neg()], 2).unsqueeze(0); // (1, 5, 5, 2), channels last
    }

    [Fact]
    public void Valid_2x2_pooling_floors_odd_sizes_and_pools_each_channel()
    {
        using var x = TwoChannelImage();
        using var y = keras.layers.MaxPooling2D().Apply(x);
        Assert.Equal(new long[] { 1, 2, 2, 2 }, y.shape);
        // Windows {0,1}x{0,1}, {0,1}x{2,3}, {2,3}x{0,1}, {2,3}x{2,3}; row 4 and column 4 are dropped.
        // Channel 0: 6, 8, 14, 16. Channel 1 (negated): −1, −3, −9, −11. Interleaved as (h, w, c).
        DenseForwardTests.AssertClose([6, -1, 8, -3, 14, -9, 16, -11], Reference.Values(y));
    }

    [Fact]
    public void Same_2x2_pooling_adds_a_window_at_the_end_and_ignores_the_padding()
    {
        using var x = TwoChannelImage();
        using var y = keras.layers.MaxPooling2D(padding: "same").Apply(x);
        Assert.Equal(new long[] { 1, 3, 3, 2 }, y.shape);
        // ceil(5/2) = 3 windows per axis: rows {0,1}, {2,3}, {4}. The all-negative channel proves the padding
        // never wins (zero padding would turn −90, −92, −94, −96, −98 into 0).
        DenseForwardTests.AssertClose(
        [
            6, -1, 8, -3, 91, -90,
            14, -9, 16, -11, 93, -92,
            95, -94, 97, -96, 98, -98,
        ], Reference.Values(y));
    }

    [Fact]
    public void Pool_size_3_stride_2_valid_uses_floor_of_n_minus_k_over_s_plus_one()
    {
        // (5 − 3) / 2 + 1 = 2 windows per axis: rows/cols {0,1,2} and {2,3,4}.
        using var x = tensor(Plane).reshape(1, 5, 5, 1);
        using var y = keras.layers.MaxPooling2D(pool_size: 3, strides: 2).Apply(x);
        Assert.Equal(new long[] { 1, 2, 2, 1 }, y.shape);
        DenseForwardTests.AssertClose([11, 92, 96, 98], Reference.Values(y));
    }
}
