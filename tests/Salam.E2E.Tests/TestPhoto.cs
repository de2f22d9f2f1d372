using System.IO.Compression;

namespace Salam.E2E.Tests;

/// <summary>A real image to upload, made here (no file shipped): a PNG of a sky-to-grass gradient with a sun, as a phone's photo would show a park.</summary>
internal static class TestPhoto
{
    public static byte[] Png(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0); // no filter
            for (var x = 0; x < width; x++)
            {
                var sky = y < height * 2 / 3;
                var sun = Math.Pow(x - width * 0.75, 2) + Math.Pow(y - height * 0.25, 2) < Math.Pow(height * 0.1, 2);
                var (r, g, b) = sun ? (250, 210, 60) : sky ? (90 + y * 100 / height, 160 + y * 60 / height, 230) : (60, 140 + (x * 7 % 40), 60);
                raw.WriteByte((byte)r); raw.WriteByte((byte)g); raw.WriteByte((byte)b);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 2, 0, 0, 0]);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) raw.WriteTo(zlib);
            Chunk(png, "IDAT", compressed.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        png.Write(BigEndian(data.Length));
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        png.Write(BigEndian((int)Crc32(typed)));
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
