using System.Text;
using SkiaSharp;
using Salam.Domain.Stories;
using Salam.Infrastructure.Photos;
using Salam.Testing;

namespace Salam.Infrastructure.Tests;

/// <summary>What a story photo becomes: an upright JPEG that fits 1600 px and carries no metadata; anything not an image is refused.</summary>
public sealed class SkiaPhotoProcessorTests
{
    private readonly SkiaPhotoProcessor _processor = new();

    [Fact]
    public void A_phone_photo_with_an_exif_location_comes_out_as_a_jpeg_without_any_metadata()
    {
        var upload = TestPhotos.JpegWithExif(640, 480);
        // The upload does carry what must go: Skia reads its EXIF, and the location and description are in its bytes.
        Assert.True(HasSegment(upload, 0xE1));
        Assert.Contains(TestPhotos.SecretDescription, Encoding.ASCII.GetString(upload));

        var prepared = _processor.Prepare(upload, StoryPhoto.MaxEdgePixels);

        Assert.NotNull(prepared);
        Assert.Equal((640, 480), (prepared.Width, prepared.Height));
        Assert.False(HasSegment(prepared.Jpeg, 0xE1), "an APP1 (EXIF/XMP) segment survived");
        var text = Encoding.ASCII.GetString(prepared.Jpeg);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain(TestPhotos.SecretDescription, text);
        using var codec = SKCodec.Create(new MemoryStream(prepared.Jpeg));
        Assert.Equal((SKEncodedImageFormat.Jpeg, SKEncodedOrigin.TopLeft), (codec.EncodedFormat, codec.EncodedOrigin));
    }

    [Fact]
    public void A_photo_taken_with_the_phone_turned_is_stood_upright()
    {
        // Stored 200 × 100, red on the left; EXIF orientation 6 says "turn a quarter clockwise to view".
        var upload = TestPhotos.JpegWithExif(200, 100, orientation: 6);
        using (var source = SKCodec.Create(new MemoryStream(upload))) Assert.Equal(SKEncodedOrigin.RightTop, source.EncodedOrigin);

        var prepared = _processor.Prepare(upload, StoryPhoto.MaxEdgePixels)!;

        Assert.Equal((100, 200), (prepared.Width, prepared.Height));
        using var bitmap = SKBitmap.Decode(prepared.Jpeg);
        Assert.True(IsRed(bitmap.GetPixel(50, 20)), $"top should be red, was {bitmap.GetPixel(50, 20)}");
        Assert.True(IsBlue(bitmap.GetPixel(50, 180)), $"bottom should be blue, was {bitmap.GetPixel(50, 180)}");
    }

    [Fact]
    public void A_large_photo_is_scaled_to_fit_1600_pixels_keeping_its_shape()
    {
        var prepared = _processor.Prepare(TestPhotos.Jpeg(3200, 2000, quality: 60), StoryPhoto.MaxEdgePixels)!;

        Assert.Equal((1600, 1000), (prepared.Width, prepared.Height));
        using var bitmap = SKBitmap.Decode(prepared.Jpeg);
        Assert.Equal((1600, 1000), (bitmap.Width, bitmap.Height));
        Assert.True(IsRed(bitmap.GetPixel(10, 500)) && IsBlue(bitmap.GetPixel(1590, 500)));
    }

    [Fact]
    public void A_png_named_jpg_is_judged_by_its_content_and_its_transparency_becomes_white()
    {
        var prepared = _processor.Prepare(TestPhotos.Png(300, 200), StoryPhoto.MaxEdgePixels)!;

        using var codec = SKCodec.Create(new MemoryStream(prepared.Jpeg));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        using var bitmap = SKBitmap.Decode(prepared.Jpeg);
        var white = bitmap.GetPixel(250, 100);
        Assert.True(white.Red > 240 && white.Green > 240 && white.Blue > 240, $"transparent half should be white, was {white}");
    }

    public static TheoryData<string, byte[]> NotPhotos => new()
    {
        { "text named .jpg", TestPhotos.TextFile },
        { "empty", [] },
        { "a GIF (not an accepted type)", Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7") },
        { "a JPEG cut short", TestPhotos.Jpeg(400, 300)[..600] },
        { "a PNG header claiming 30000 × 30000", TestPhotos.HugeClaimPng() },
        { "6 MB", [.. TestPhotos.Jpeg(100, 100), .. new byte[6 * 1024 * 1024]] },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public void What_is_not_an_accepted_image_within_the_limits_is_refused(string what, byte[] upload)
    {
        Assert.True(_processor.Prepare(upload, StoryPhoto.MaxEdgePixels) is null, $"{what} was accepted");
    }

    [Fact]
    public void A_real_image_too_wide_or_of_too_many_pixels_is_refused_before_it_is_decoded()
    {
        // Both are small files: what they claim, not what they weigh, would cost the server memory.
        var wide = TestPhotos.Jpeg(SkiaPhotoProcessor.MaxSourceEdge + 1, 8, quality: 10);
        var many = TestPhotos.Jpeg(7200, 7000, quality: 10);
        Assert.True(wide.Length < StoryPhoto.MaxUploadBytes && many.Length < StoryPhoto.MaxUploadBytes);

        Assert.Null(_processor.Prepare(wide, StoryPhoto.MaxEdgePixels));
        Assert.Null(_processor.Prepare(many, StoryPhoto.MaxEdgePixels));
        Assert.NotNull(_processor.Prepare(TestPhotos.Jpeg(SkiaPhotoProcessor.MaxSourceEdge, 8, quality: 10), StoryPhoto.MaxEdgePixels));
    }

    private static bool IsRed(SKColor c) => c.Red > 180 && c.Blue < 80;

    private static bool IsBlue(SKColor c) => c.Blue > 180 && c.Red < 80;

    /// <summary>Whether a JPEG holds a marker segment (APPn etc.) before its image data starts.</summary>
    private static bool HasSegment(byte[] jpeg, byte marker)
    {
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF)
        {
            var kind = jpeg[at + 1];
            if (kind == marker) return true;
            if (kind == 0xDA) return false; // start of scan: no more metadata segments
            at += 2 + (jpeg[at + 2] << 8 | jpeg[at + 3]);
        }
        return false;
    }
}
