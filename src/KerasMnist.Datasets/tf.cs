using KerasMnist.Datasets.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Datasets;

/// <summary>
/// The few <c>tf.*</c> names the notebook's cells use (<c>tf.data</c>, <c>tf.cast</c>, <c>tf.float32</c>,
/// <c>tf.nn.softmax</c>, <c>tf.random.set_seed</c>), over TorchSharp, so a ported cell reads like the Python one.
/// </summary>
public static class tf
{
    /// <summary><c>tf.float32</c>.</summary>
    public static readonly ScalarType float32 = ScalarType.Float32;

    /// <summary><c>tf.uint8</c> (MNIST pixels).</summary>
    public static readonly ScalarType uint8 = ScalarType.Byte;

    /// <summary><c>tf.int64</c> (MNIST labels).</summary>
    public static readonly ScalarType int64 = ScalarType.Int64;

    /// <summary><c>tf.cast(x, dtype)</c>.</summary>
    public static Tensor cast(Tensor x, ScalarType dtype) => x.to_type(dtype);

    /// <summary><c>tf.data</c>.</summary>
    public static class data
    {
        /// <summary><c>tf.data.AUTOTUNE</c>.</summary>
        public const int AUTOTUNE = -1;

        /// <summary><c>tf.data.INFINITE_CARDINALITY</c>: what <c>cardinality()</c> returns for an endless dataset.</summary>
        public const long INFINITE_CARDINALITY = Cardinality.Infinite;

        /// <summary><c>tf.data.UNKNOWN_CARDINALITY</c>: what <c>cardinality()</c> returns when the size cannot be known in advance.</summary>
        public const long UNKNOWN_CARDINALITY = Cardinality.Unknown;

        /// <summary><c>tf.data.Dataset</c>'s static constructors.</summary>
        public static class Dataset
        {
            /// <summary><c>tf.data.Dataset.from_tensor_slices((x, y))</c>; see <see cref="Data.Dataset.from_tensor_slices"/>.</summary>
            public static Data.Dataset from_tensor_slices(Tensor x, Tensor y) => Data.Dataset.from_tensor_slices(x, y);
        }

        /// <summary><c>tf.data.experimental</c> (the notebook's spelling of AUTOTUNE).</summary>
        public static class experimental
        {
            /// <summary><c>tf.data.experimental.AUTOTUNE</c>.</summary>
            public const int AUTOTUNE = -1;

            /// <summary><c>tf.data.experimental.INFINITE_CARDINALITY</c>.</summary>
            public const long INFINITE_CARDINALITY = Cardinality.Infinite;

            /// <summary><c>tf.data.experimental.UNKNOWN_CARDINALITY</c>.</summary>
            public const long UNKNOWN_CARDINALITY = Cardinality.Unknown;
        }
    }

    /// <summary><c>tf.random</c>: the global seed.</summary>
    public static class random
    {
        /// <summary>
        /// <c>tf.random.set_seed(seed)</c>: tf's global seed. Random operations without their own seed (here
        /// <c>Dataset.shuffle</c> without <c>seed:</c>) derive one from it and their creation order, so the same
        /// program shuffles the same way. Weights and dropout draw from torch's generator, which this does not touch:
        /// <c>keras.utils.set_random_seed(seed)</c> seeds both, as in Keras, and is the call a program makes.
        /// </summary>
        public static void set_seed(int seed) => RandomSeeds.SetGlobal(seed);

        /// <summary>
        /// <c>tf.compat.v1.random.get_seed(op_seed)</c>: the (global, op) seed pair a random operation uses. With a
        /// global seed and no op seed the op seed comes from a counter; with neither, both are null (not reproducible).
        /// </summary>
        public static (int? global_seed, int? op_seed) get_seed(int? op_seed) => RandomSeeds.Get(op_seed);
    }

    /// <summary><c>tf.nn</c>.</summary>
    public static class nn
    {
        /// <summary><c>tf.nn.softmax(logits)</c> over the last axis.</summary>
        public static Tensor softmax(Tensor logits) => torch.nn.functional.softmax(logits, -1);
    }
}
