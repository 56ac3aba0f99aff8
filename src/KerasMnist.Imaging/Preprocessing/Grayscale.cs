namespace KerasMnist.Imaging.Preprocessing;

public static partial class MnistPreprocessing
{
    /// <summary>
    /// Step 1, greyscale: ITU-R BT.601 luma (<c>0.299 R + 0.587 G + 0.114 B</c>, the weights of PIL's "L"), in
    /// 0..255 without rounding. Transparent pixels are composited "over" a background (Porter &amp; Duff, "Compositing
    /// Digital Images", SIGGRAPH 1984) of the colour opposite to the visible content: a drawing app's black strokes on
    /// a transparent canvas land on white, white strokes on black, instead of vanishing into the (often black)
    /// colour stored under transparency.
    /// </summary>
    /// <param name="image">Any mode: "L", "RGB" or "RGBA".</param>
    /// <returns>A grey image of the same size.</returns>
    public static GrayImage ToGrayscale(Image image)
    {
        var px = image.Pixels;
        int n = image.width * image.height, c = image.Channels;
        var grey = new float[n];
        if (c == 1)
        {
            for (int i = 0; i < n; i++) grey[i] = px[i];
            return new GrayImage(image.width, image.height, grey);
        }
        double inkWeight = 0, inkLuma = 0;
        bool transparent = false;
        for (int i = 0; i < n; i++)
        {
            int s = i * c;
            grey[i] = 0.299f * px[s] + 0.587f * px[s + 1] + 0.114f * px[s + 2];
            if (c == 4)
            {
                float alpha = px[s + 3] / 255f;
                transparent |= px[s + 3] < 255;
                inkWeight += alpha;
                inkLuma += alpha * grey[i];
            }
        }
        if (!transparent) return new GrayImage(image.width, image.height, grey);

        // Fully transparent images have no visible content: composite on white, which reads as blank paper.
        float background = inkWeight == 0 || inkLuma / inkWeight < 128 ? 255f : 0f;
        for (int i = 0; i < n; i++)
        {
            float alpha = px[i * 4 + 3] / 255f;
            grey[i] = alpha * grey[i] + (1 - alpha) * background;
        }
        return new GrayImage(image.width, image.height, grey);
    }
}
