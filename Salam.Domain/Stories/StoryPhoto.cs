using Salam.Domain.Common;

namespace Salam.Domain.Stories;

/// <summary>
/// A photo of a story, stored as the JPEG the upload was re-encoded to: at most <see cref="MaxEdgePixels"/> on its long edge and
/// without the upload's metadata (no EXIF, so no location). Kept in the database, so every node serves it.
/// </summary>
public sealed class StoryPhoto : Entity
{
    /// <summary>The largest upload accepted, before resizing.</summary>
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    public const int MaxEdgePixels = 1600;
    public const int MaxAltTextLength = 200;
    public const string ContentType = "image/jpeg";

    private StoryPhoto() { }

    internal StoryPhoto(int position, byte[] jpeg, int width, int height, string altText, DateTimeOffset at)
    {
        Position = position;
        Jpeg = jpeg;
        Width = width;
        Height = height;
        AltText = altText;
        AddedAt = at;
    }

    public int StoryId { get; private set; }
    public int Position { get; private set; }
    public byte[] Jpeg { get; private set; } = [];
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>What the photo shows, for screen readers (and the feed).</summary>
    public string AltText { get; private set; } = "";
    public DateTimeOffset AddedAt { get; private set; }
}
