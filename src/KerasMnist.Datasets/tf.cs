using KerasMnist.Datasets.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets;

// CONTRACT STUB (the pipeline work completes it).
/// <summary>
/// The few <c>tf.*</c> names the notebook's cells use (<c>tf.data</c>, <c>tf.cast</c>, <c>tf.float32</c>,
/// <c>tf.nn.softmax</c>), over TorchSharp, so a ported cell reads like the Python one.
/// </summary>
public static class tf
{
    /// <summary><c>tf.float32</c>.</summary>
    public static readonly ScalarType float32 = ScalarType.Float32;

    /// <summary><c>tf.cast(x, dtype)</c>.</summary>
    public static Tensor cast(Tensor x, ScalarType dtype) => x.to_type(dtype);

    /// <summary><c>tf.data</c>.</summary>
    public static class data
    {
        /// <summary><c>tf.data.AUTOTUNE</c>.</summary>
        public const int AUTOTUNE = -1;

        /// <summary><c>tf.data.experimental</c> (the notebook's spelling of AUTOTUNE).</summary>
        public static class experimental
        {
            /// <summary><c>tf.data.experimental.AUTOTUNE</c>.</summary>
            public const int AUTOTUNE = -1;
        }
    }

    /// <summary><c>tf.nn</c>.</summary>
    public static class nn
    {
        /// <summary><c>tf.nn.softmax(logits)</c> over the last axis.</summary>
        public static Tensor softmax(Tensor logits) => torch.nn.functional.softmax(logits, -1);
    }
}
