using NumSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace KerasMnist.Interop;

/// <summary>
/// <c>tensor.numpy()</c>: copies a TorchSharp tensor into a NumSharp array, as TensorFlow's eager tensors
/// hand their values to numpy in the notebook (<c>image_batch.numpy()</c>).
/// </summary>
public static class TensorNumpy
{
    /// <summary><c>tensor.numpy()</c> for float32, float64, int64, int32 and uint8 tensors.</summary>
    public static NDArray numpy(this Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous();
        var shape = new NumSharp.Shape(cpu.shape.Select(d => (int)d).ToArray());
        return cpu.dtype switch
        {
            ScalarType.Float32 => new NDArray(cpu.data<float>().ToArray(), shape),
            ScalarType.Float64 => new NDArray(cpu.data<double>().ToArray(), shape),
            ScalarType.Int64 => new NDArray(cpu.data<long>().ToArray(), shape),
            ScalarType.Int32 => new NDArray(cpu.data<int>().ToArray(), shape),
            ScalarType.Byte => new NDArray(cpu.data<byte>().ToArray(), shape),
            _ => throw new NotSupportedException($"numpy() does not convert {cpu.dtype} tensors; cast to float32 or int64 first."),
        };
    }
}
