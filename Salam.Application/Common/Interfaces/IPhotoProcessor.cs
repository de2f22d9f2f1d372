namespace Salam.Application.Common.Interfaces;

/// <summary>
/// Turns an uploaded photo into what is stored and served: decoded by its content (JPEG, PNG or WebP), turned upright, scaled down
/// to fit the given edge, and re-encoded as JPEG with no metadata (so no EXIF location survives).
/// </summary>
public interface IPhotoProcessor
{
    /// <summary>The prepared JPEG, or null when the upload is not an image of an accepted type (or cannot be decoded).</summary>
    PreparedPhoto? Prepare(byte[] upload, int maxEdgePixels);
}

public sealed record PreparedPhoto(byte[] Jpeg, int Width, int Height);
