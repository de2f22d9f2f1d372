using System.Text;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Stories.Commands.AddStoryPhoto;
using Salam.Application.Stories.Commands.RemoveStoryPhoto;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.Stories;
using Salam.Testing;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;
using static Salam.Application.Tests.Stories.StoryScene;

namespace Salam.Application.Tests.Stories;

/// <summary>Photos go through the real pipeline and the real SkiaSharp processor into the database.</summary>
public sealed class StoryPhotoTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_phone_photo_is_stored_resized_as_jpeg_without_its_exif_location_and_a_png_named_jpg_is_accepted()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var story = await DraftAsync(App, p.Pardisan);

        var withPhoto = await App.SendAsync<StoryWritten>(facilitator, new AddStoryPhoto(story.StoryId, TestPhotos.JpegWithExif(2400, 1800), " کوچه در شب ", story.Version));
        var withPng = await App.SendAsync<StoryWritten>(facilitator, new AddStoryPhoto(story.StoryId, TestPhotos.Png(400, 300), "نقشهٔ محله", withPhoto.Version));

        var photos = (await ReadStoryAsync(App, story.StoryId)).Photos.OrderBy(ph => ph.Position).ToList();
        Assert.Equal([(1, 1600, 1200, "کوچه در شب"), (2, 400, 300, "نقشهٔ محله")], photos.Select(ph => (ph.Position, ph.Width, ph.Height, ph.AltText)));
        Assert.All(photos, ph =>
        {
            Assert.Equal([0xFF, 0xD8], ph.Jpeg[..2]);
            Assert.DoesNotContain(TestPhotos.SecretDescription, Encoding.ASCII.GetString(ph.Jpeg));
            Assert.DoesNotContain("Exif", Encoding.ASCII.GetString(ph.Jpeg));
        });
        Assert.Equal(withPng.Version, await StoryVersionAsync(App, story.StoryId));

        // The audit log records that the story changed, never the photo's bytes.
        var logged = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Kind == "SuccessStory" && e.SubjectId == story.StoryId).Select(e => (e.Before ?? "") + (e.After ?? "")).ToListAsync());
        Assert.NotEmpty(logged);
        Assert.All(logged, json => Assert.True(json.Length < 2000 && !json.Contains("Jpeg"), json));
    }

    public static TheoryData<string, byte[], string> NotPhotos => new()
    {
        { "text named .jpg", TestPhotos.TextFile, "Story.PhotoNotImage" },
        { "a GIF", Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), "Story.PhotoNotImage" },
        { "an image claiming 30000 × 30000 pixels", TestPhotos.HugeClaimPng(), "Story.PhotoNotImage" },
        { "6 MB", [.. TestPhotos.Jpeg(100, 100), .. new byte[6 * 1024 * 1024]], "Story.PhotoTooLarge" },
        { "nothing", [], "Story.PhotoRequired" },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task An_upload_that_is_not_an_image_or_too_large_is_refused_and_nothing_is_written(string what, byte[] upload, string key)
    {
        var p = await PlacesAsync(App);
        var story = await DraftAsync(App, p.Pardisan);
        var before = await StoryFingerprintAsync(App);

        var refused = await Assert.ThrowsAnyAsync<RequestRefusedException>(async () =>
            await App.SendAsync<StoryWritten>(await Facilitator(App), new AddStoryPhoto(story.StoryId, upload, "عکس", story.Version)));
        Assert.True(refused.Message.Contains(Text.Get(key, StoryPhoto.MaxUploadBytes / (1024 * 1024))), $"{what}: {refused.Message}");

        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task A_fifth_photo_a_photo_without_alt_text_or_on_a_submitted_story_is_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var story = await DraftAsync(App, p.Pardisan);
        var version = story.Version;
        for (var i = 0; i < SuccessStory.MaxPhotos; i++)
            version = (await App.SendAsync<StoryWritten>(facilitator, new AddStoryPhoto(story.StoryId, TestPhotos.Jpeg(64, 48), $"عکس {i}", version))).Version;
        var before = await StoryFingerprintAsync(App);

        var fifth = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator, new AddStoryPhoto(story.StoryId, TestPhotos.Jpeg(64, 48), "پنجم", version)));
        Assert.Equal(Text.Get("Story.TooManyPhotos", SuccessStory.MaxPhotos), fifth.Message);
        var noAlt = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<StoryWritten>(facilitator, new AddStoryPhoto(story.StoryId, TestPhotos.Jpeg(64, 48), " ", version)));
        Assert.Contains(Text.Get("Story.AltTextRequired"), noAlt.Message);
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<StoryWritten>(facilitator,
            new AddStoryPhoto(story.StoryId, TestPhotos.Jpeg(64, 48), new string('ع', StoryPhoto.MaxAltTextLength + 1), version)));
        Assert.Equal(before, await StoryFingerprintAsync(App));

        var other = await DraftAsync(App, p.Pardisan);
        var submitted = await App.SendAsync<StoryWritten>(facilitator, new SubmitStory(other.StoryId, other.Version));
        before = await StoryFingerprintAsync(App);
        var locked = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator,
            new AddStoryPhoto(other.StoryId, TestPhotos.Jpeg(64, 48), "دیرهنگام", submitted.Version)));
        Assert.Equal(Text.Get("Story.NotEditable"), locked.Message);
        Assert.Equal(before, await StoryFingerprintAsync(App));
    }

    [Fact]
    public async Task A_photo_is_removed_from_its_own_story_only_and_only_by_the_centres_facilitator()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var story = await WithPhotoAsync(App, await DraftAsync(App, p.Pardisan));
        var other = await WithPhotoAsync(App, await DraftAsync(App, p.Pardisan));
        var otherPhoto = (await ReadStoryAsync(App, other.StoryId)).Photos.Single().Id;
        var before = await StoryFingerprintAsync(App);

        // Another story's photo named on this story: not this story's to remove.
        var tampered = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator, new RemoveStoryPhoto(story.StoryId, otherPhoto, story.Version)));
        Assert.Equal(Text.Get("Story.PhotoNotFound"), tampered.Message);
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<StoryWritten>(await App.PrincipalOfAsync("facilitator.sari"), new RemoveStoryPhoto(other.StoryId, otherPhoto, other.Version)));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<StoryWritten>(await App.PrincipalOfAsync("facilitator.sari"), new AddStoryPhoto(other.StoryId, TestPhotos.Jpeg(64, 48), "ربوده", other.Version)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<StoryWritten>(facilitator, new RemoveStoryPhoto(other.StoryId, otherPhoto, story.Version)));
        Assert.Equal(before, await StoryFingerprintAsync(App));

        await App.SendAsync<StoryWritten>(facilitator, new RemoveStoryPhoto(other.StoryId, otherPhoto, other.Version));
        Assert.Empty((await ReadStoryAsync(App, other.StoryId)).Photos);
        Assert.Single((await ReadStoryAsync(App, story.StoryId)).Photos);
    }
}
