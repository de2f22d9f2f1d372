using System.Net;
using System.Net.Http.Headers;
using Salam.Testing;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// GET /stories/photos/{id}.jpg over the real app: a published story's photo is anyone's and cacheable for long (with an ETag to
/// ask again); a draft's is shown only to staff who reach the story, never kept by a cache, and to everyone else it does not exist.
/// </summary>
public sealed class StoryPhotoEndpointTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private readonly StoryScene _scene = StoryScene.Of(factory);

    [Fact]
    public async Task A_published_photo_is_served_to_anyone_as_a_cacheable_jpeg_and_revalidates_by_its_etag()
    {
        var story = await _scene.ApprovedAsync(withPhoto: true);
        var photoId = await _scene.PhotoIdAsync(story.StoryId);
        var client = factory.NewClient();

        var response = await client.GetAsync($"/stories/photos/{photoId}.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes is [0xFF, 0xD8, ..], "a JPEG starts with its SOI marker");
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(1));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var etag = response.Headers.ETag ?? throw new Xunit.Sdk.XunitException("no ETag");

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/stories/photos/{photoId}.jpg");
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task A_drafts_photo_does_not_exist_for_an_anonymous_caller()
    {
        var story = await _scene.AddPhotoAsync(await _scene.WriteAsync());
        var photoId = await _scene.PhotoIdAsync(story.StoryId);

        var response = await factory.NewClient().GetAsync($"/stories/photos/{photoId}.jpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task A_drafts_photo_is_shown_to_its_facilitator_but_kept_by_no_cache()
    {
        var story = await _scene.AddPhotoAsync(await _scene.WriteAsync());
        var photoId = await _scene.PhotoIdAsync(story.StoryId);
        var client = factory.NewClient();
        await client.SignInStaffAsync(StoryScene.Facilitator);

        var response = await client.GetAsync($"/stories/photos/{photoId}.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Null(response.Headers.ETag);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData(StoryScene.OtherOfficer)]
    [InlineData("facilitator.sari")]
    public async Task A_drafts_photo_does_not_exist_for_staff_of_another_province(string userName)
    {
        var story = await _scene.AddPhotoAsync(await _scene.WriteAsync());
        var photoId = await _scene.PhotoIdAsync(story.StoryId);
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);

        var response = await client.GetAsync($"/stories/photos/{photoId}.jpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_photo_is_not_found()
    {
        var response = await factory.NewClient().GetAsync("/stories/photos/987654.jpg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
