using Mediator;
using Microsoft.Net.Http.Headers;
using Salam.Application.Common.Exceptions;
using Salam.Application.Stories.Queries.GetStoryPhoto;
using Salam.Domain.Stories;

namespace Salam.Web.Common;

/// <summary>
/// A story's photo as the JPEG it was re-encoded to. The query decides who may have it (anyone once the story is approved, staff
/// who reach the story before); a photo the caller may not see is not found, so an unpublished one is not even confirmed to
/// exist. Published photos never change under their id, so caches may keep them long (and ask again with their ETag); an
/// unpublished one is kept by no cache at all.
/// </summary>
public static class StoryPhotoEndpoint
{
    /// <summary>A week: long enough for a national audience to cost little, short enough that a withdrawn story fades.</summary>
    public const int PublicMaxAgeSeconds = 7 * 24 * 3600;

    public static string Url(int photoId) => $"/stories/photos/{photoId}.jpg";

    public static void MapStoryPhotos(this WebApplication app) =>
        app.MapGet("/stories/photos/{photoId:int}.jpg", async (int photoId, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
        {
            StoryPhotoFile photo;
            try
            {
                photo = await sender.Send(new GetStoryPhoto(photoId), cancellationToken);
            }
            catch (RequestRefusedException)
            {
                // Not found, forbidden or an impossible id alike: nothing tells an outsider a draft's photo exists.
                http.Response.Headers.CacheControl = "no-store";
                return Results.NotFound();
            }
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (!photo.Published)
            {
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.File(photo.Jpeg, StoryPhoto.ContentType);
            }
            http.Response.Headers.CacheControl = $"public, max-age={PublicMaxAgeSeconds}";
            var etag = new EntityTagHeaderValue($"\"photo-{photoId}-{photo.AddedAt.UtcTicks:x}\"");
            return Results.File(photo.Jpeg, StoryPhoto.ContentType, lastModified: photo.AddedAt, entityTag: etag);
        });
}
