using System.Buffers.Binary;
using System.IO.Compression;
using KerasMnist.Imaging;
using KerasMnist.Imaging.Reading;
using KerasMnist.Tests.Fixtures;
using SkiaSharp;
using static KerasMnist.Keras.KerasApi;

namespace KerasMnist.Tests.Imaging;

/// <summary>Bad image input: each is a clear exception naming the file and the remedy, and nothing is written.</summary>
public sealed class ImageFileTests : IDisposable
{
    readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    string Digit(string name, string? format = null)
    {
        var path = folder.Combine(name);
        ImageFile.Save(TestImages.Sketch(64, 64, SKColors.White, TestImages.Ring(32, 32, 14, 22, SKColors.Black, 5)), path, format);
        return path;
    }

    [Theory]
    [InlineData("digit.png")]
    [InlineData("digit.jpg")]
    [InlineData("digit.webp")]
    public void Png_jpeg_and_webp_decode_and_read_as_a_digit(string name)
    {
        var prepared = PreparedImage.FromFile(Digit(name));
        Assert.False(prepared.IsField);
        Assert.Single(prepared.Digits);
        Assert.True(prepared.Digits[0].Pixels.Max() > 200);
    }

    [Fact]
    public void Bmp_decodes()
    {
        // SkiaSharp writes no BMP, so this one is built by hand: 2x1, 24-bit, bottom-up rows padded to 4 bytes.
        var path = folder.Combine("tiny.bmp");
        var bytes = new byte[54 + 8];
        bytes[0] = (byte)'B';
        bytes[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(2), bytes.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(18), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(28), 24);
        new byte[] { 255, 0, 0, 0, 0, 255 }.CopyTo(bytes, 54); // BGR: blue, red
        File.WriteAllBytes(path, bytes);
        var img = ImageFile.Load(path);
        Assert.Equal("RGB", img.mode);
        Assert.Equal(new byte[] { 0, 0, 255, 255, 0, 0 }, img.Pixels.ToArray());
    }

    [Fact]
    public void A_file_that_is_no_image_is_refused_with_its_name()
    {
        var path = folder.Combine("notes.png");
        File.WriteAllText(path, "<html>this is not a picture</html>");
        var e = Assert.Throws<ImageInputException>(() => PreparedImage.FromFile(path));
        Assert.Equal(ImageProblem.NotAnImage, e.Problem);
        Assert.Contains(path, e.Message);
        Assert.Contains("PNG, JPEG, BMP or WebP", e.Message);
        Assert.Throws<ImageInputException>(() => keras.utils.load_img(path));
    }

    [Theory]
    [InlineData("cut.png")]
    [InlineData("cut.jpg")]
    public void A_truncated_file_is_refused_not_half_read(string name)
    {
        var path = Digit(name);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
        var e = Assert.Throws<ImageInputException>(() => ImageFile.Load(path));
        Assert.Equal(ImageProblem.Truncated, e.Problem);
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_FileNotFoundException_naming_it()
    {
        var path = folder.Combine("nowhere.png");
        var e = Assert.Throws<FileNotFoundException>(() => PreparedImage.FromFile(path));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Many_files_are_prepared_in_order_and_every_bad_one_is_named_in_one_error()
    {
        string good = Digit("good.png"), other = Digit("other.jpg");
        var prepared = PreparedImage.FromFiles([good, other]);
        Assert.Equal([good, other], prepared.Select(p => p.File));

        var text = folder.Combine("notes.png");
        File.WriteAllText(text, "not an image");
        var missing = folder.Combine("nowhere.png");
        var e = Assert.Throws<InvalidDataException>(() => PreparedImage.FromFiles([good, text, missing]));
        Assert.StartsWith("2 of 3 images cannot be read:", e.Message);
        Assert.Contains(text, e.Message);
        Assert.Contains(missing, e.Message);
        Assert.DoesNotContain(good, e.Message);
        // One bad file: its own message.
        Assert.StartsWith(text, Assert.Throws<InvalidDataException>(() => PreparedImage.FromFiles([good, text])).Message);
    }

    [Fact]
    public void An_image_above_the_pixel_limit_is_refused_from_its_header_before_decoding()
    {
        // A PNG whose header announces 20,000 x 20,000 grey pixels (400 megapixels) but holds only a few bytes of
        // data: decoding would report it truncated, so TooLarge shows the size was refused from the header alone.
        var path = folder.Combine("bomb.png");
        File.WriteAllBytes(path, PngHeaderOnly(20_000, 20_000));
        var e = Assert.Throws<ImageInputException>(() => ImageFile.Load(path));
        Assert.Equal(ImageProblem.TooLarge, e.Problem);
        Assert.Contains("20000 x 20000", e.Message);
        Assert.Contains("50 megapixels", e.Message);

        // The limit is the one stated: the same check refuses a real 64x64 image under a 4,000-pixel limit.
        var small = Digit("small.png");
        Assert.Equal(ImageProblem.TooLarge, Assert.Throws<ImageInputException>(() => ImageFile.Load(small, maxPixels: 4_000)).Problem);
        Assert.Equal(64, ImageFile.Load(small, maxPixels: 4_096).width);
    }

    [Theory]
    [InlineData(255, 0)]    // white paper
    [InlineData(200, 8)]    // grey paper with sensor noise of +-8 grey levels
    [InlineData(0, 0)]      // black
    public void A_blank_image_says_there_is_no_ink(byte tone, int noise)
    {
        var random = new Random(3);
        var bytes = Enumerable.Range(0, 80 * 60).Select(_ => (byte)Math.Clamp(tone + random.Next(-noise, noise + 1), 0, 255)).ToArray();
        var path = folder.Combine("blank.png");
        ImageFile.Save(new Image("L", 80, 60, bytes), path);
        var e = Assert.Throws<ImageInputException>(() => PreparedImage.FromFile(path));
        Assert.Equal(ImageProblem.Blank, e.Problem);
        Assert.Contains("no ink", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Saving_in_a_format_SkiaSharp_cannot_write_fails_and_writes_nothing()
    {
        var path = folder.Combine("out.bmp");
        var e = Assert.Throws<ImageInputException>(() => keras.utils.save_img(path, TorchSharp.torch.zeros(4, 4, 1)));
        Assert.Equal(ImageProblem.UnsupportedFormat, e.Problem);
        Assert.Contains(".png, .jpg or .webp", e.Message);
        Assert.Empty(folder.Files());
    }

    [Fact]
    public void Exif_orientation_is_applied_for_reading_and_left_alone_by_load_img()
    {
        var tall = new Image("L", 2, 3, [1, 2, 3, 4, 5, 6]);
        var turned = Orientation.Apply(tall, SKEncodedOrigin.RightTop); // stored sideways, shown turned 90 degrees clockwise
        Assert.Equal((3, 2), turned.size);
        Assert.Equal(new byte[] { 5, 3, 1, 6, 4, 2 }, turned.Pixels.ToArray());
        Assert.Equal(new byte[] { 2, 4, 6, 1, 3, 5 }, Orientation.Apply(tall, SKEncodedOrigin.LeftBottom).Pixels.ToArray());
        Assert.Equal(new byte[] { 6, 5, 4, 3, 2, 1 }, Orientation.Apply(tall, SKEncodedOrigin.BottomRight).Pixels.ToArray());
    }

    /// <summary>A valid PNG header announcing <paramref name="width"/> x <paramref name="height"/> grey pixels, with only a few bytes of data.</summary>
    internal static byte[] PngHeaderOnly(int width, int height)
    {
        using var stream = new MemoryStream();
        stream.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace 0
        Chunk(stream, "IHDR", ihdr);
        using (var data = new MemoryStream())
        {
            using (var z = new ZLibStream(data, CompressionLevel.Fastest, leaveOpen: true)) z.Write(new byte[100]);
            Chunk(stream, "IDAT", data.ToArray());
        }
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    static void Chunk(Stream stream, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        stream.Write(header);
        stream.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32([.. header[4..], .. data]));
        stream.Write(crc);
    }
}
