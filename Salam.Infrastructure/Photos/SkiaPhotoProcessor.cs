using SkiaSharp;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Stories;

namespace Salam.Infrastructure.Photos;

/// <summary>
/// Story photos with SkiaSharp: the upload is judged by its content (JPEG, PNG or WebP, whatever its name), its size read from
/// the header before any pixel is decoded (a small file claiming a huge image is refused, not decoded), turned upright by its
/// EXIF orientation, scaled to fit, flattened onto white and re-encoded as a JPEG that carries no metadata at all.
/// </summary>
public sealed class SkiaPhotoProcessor : IPhotoProcessor
{
    /// <summary>A 48-megapixel phone photo passes; a "decompression bomb" claiming more is refused before decoding.</summary>
    public const long MaxSourcePixels = 50_000_000;
    public const int MaxSourceEdge = 16_000;
    public const int JpegQuality = 82;

    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public PreparedPhoto? Prepare(byte[] upload, int maxEdgePixels)
    {
        if (upload is not { Length: > 0 and <= StoryPhoto.MaxUploadBytes } || maxEdgePixels < 1) return null;
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp)) return null;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width < 1 || height < 1 || width > MaxSourceEdge || height > MaxSourceEdge || (long)width * height > MaxSourcePixels) return null;

        var origin = codec.EncodedOrigin;
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = turned ? (height, width) : (width, height);
        var scale = Math.Min(1d, (double)maxEdgePixels / Math.Max(uprightWidth, uprightHeight));
        var outWidth = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var outHeight = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        using var decoded = Decode(codec, turned ? outHeight : outWidth, turned ? outWidth : outHeight);
        if (decoded is null) return null;

        var output = new SKImageInfo(outWidth, outHeight, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(output);
        if (surface is null) return null;
        var canvas = surface.Canvas;
        // A transparent PNG has no background of its own; JPEG has no transparency.
        canvas.Clear(SKColors.White);
        canvas.SetMatrix(Upright(origin, outWidth, outHeight));
        using (var image = SKImage.FromBitmap(decoded))
            canvas.DrawImage(image, new SKRect(0, 0, turned ? outHeight : outWidth, turned ? outWidth : outHeight), Smooth);
        canvas.Flush();

        using var snapshot = surface.Snapshot();
        // Skia's JPEG encoder writes pixels and a JFIF header only: no EXIF, so no location, camera or time.
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, JpegQuality);
        return jpeg is null ? null : new PreparedPhoto(jpeg.ToArray(), outWidth, outHeight);
    }

    /// <summary>
    /// The pixels, decoded straight to a smaller size where the format can (JPEG's 1/2, 1/4, 1/8), never below the size wanted;
    /// null when the data is damaged or cut short.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, int wantWidth, int wantHeight)
    {
        var size = codec.GetScaledDimensions((float)Math.Max((double)wantWidth / codec.Info.Width, (double)wantHeight / codec.Info.Height));
        if (size.Width < wantWidth || size.Height < wantHeight) size = codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info) || codec.GetPixels(info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    /// <summary>
    /// Maps the image as stored onto the upright output (EXIF orientation 1–8): x' = ScaleX·x + SkewX·y + TransX,
    /// y' = SkewY·x + ScaleY·y + TransY.
    /// </summary>
    private static SKMatrix Upright(SKEncodedOrigin origin, int width, int height) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, width, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, width, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, height, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, width, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, width, -1, 0, height, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, height, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
