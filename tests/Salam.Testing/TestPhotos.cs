using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Salam.Testing;

/// <summary>
/// Photos made in the test, as a phone would send them: a JPEG carrying an EXIF block (orientation, a description and a GPS
/// position), a PNG with transparency, and files that only pretend to be images.
/// </summary>
public static class TestPhotos
{
    /// <summary>Written into the EXIF description: a processed photo must not contain it anywhere.</summary>
    public const string SecretDescription = "SALAM-TEST-HOME-OF-RESIDENT";

    /// <summary>A JPEG of the given size: left half red, right half blue (so a turn can be seen in the output).</summary>
    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(width, height, SKEncodedImageFormat.Jpeg, quality, SKColors.Red, SKColors.Blue);

    /// <summary>A PNG with a transparent right half.</summary>
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png, 100, SKColors.Green, SKColors.Transparent);

    /// <summary>
    /// A JPEG with an APP1 Exif segment right after its start marker: orientation, the <see cref="SecretDescription"/> and a GPS
    /// latitude (34° 38' 24" N, Qom), as a phone camera writes them.
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var exif = ExifSegment(orientation);
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>Text, named .jpg by whoever uploads it.</summary>
    public static byte[] TextFile => Encoding.UTF8.GetBytes("<script>alert(1)</script> this is not a photo\n");

    /// <summary>A real PNG header that claims 30000 × 30000 pixels followed by nothing: a bomb refused by its header alone.</summary>
    public static byte[] HugeClaimPng()
    {
        var png = Png(8, 8);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 30_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 30_000);
        return png;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format, int quality, SKColor left, SKColor right)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var leftPaint = new SKPaint { Color = left };
            using var rightPaint = new SKPaint { Color = right };
            canvas.DrawRect(0, 0, width / 2f, height, leftPaint);
            canvas.DrawRect(width / 2f, 0, width / 2f, height, rightPaint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    // FF E1, length, "Exif\0\0", then a little-endian TIFF: IFD0 (orientation, description, GPS pointer) and a GPS IFD.
    private static byte[] ExifSegment(ushort orientation)
    {
        var description = Encoding.ASCII.GetBytes(SecretDescription + "\0");
        var tiff = new List<byte>();
        void U16(int v) { tiff.Add((byte)v); tiff.Add((byte)(v >> 8)); }
        void U32(int v) { U16(v & 0xFFFF); U16(v >> 16); }
        void Entry(int tag, int type, int count, int value) { U16(tag); U16(type); U32(count); U32(value); }

        const int ifd0 = 8, ifd0Entries = 3;
        const int ifd0Size = 2 + ifd0Entries * 12 + 4;
        const int descriptionAt = ifd0 + ifd0Size;
        var gpsAt = descriptionAt + description.Length + (description.Length % 2);
        const int gpsEntries = 3;
        var latitudeAt = gpsAt + 2 + gpsEntries * 12 + 4;

        tiff.AddRange("II"u8.ToArray()); U16(42); U32(ifd0);
        U16(ifd0Entries);
        Entry(0x010E, 2, description.Length, descriptionAt); // ImageDescription
        U16(0x0112); U16(3); U32(1); U16(orientation); U16(0); // Orientation (SHORT, in place)
        Entry(0x8825, 4, 1, gpsAt); // GPS IFD pointer
        U32(0);
        tiff.AddRange(description);
        if (description.Length % 2 == 1) tiff.Add(0);
        U16(gpsEntries);
        U16(0x0000); U16(1); U32(4); tiff.AddRange(new byte[] { 2, 3, 0, 0 }); // GPSVersionID
        U16(0x0001); U16(2); U32(2); tiff.AddRange(new byte[] { (byte)'N', 0, 0, 0 }); // GPSLatitudeRef
        Entry(0x0002, 5, 3, latitudeAt); // GPSLatitude
        U32(0);
        foreach (var (numerator, denominator) in new[] { (34, 1), (38, 1), (24, 1) }) { U32(numerator); U32(denominator); }

        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
