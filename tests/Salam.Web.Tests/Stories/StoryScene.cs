using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Stories.Commands.AddStoryPhoto;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Domain.Stories;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Stories;

/// <summary>
/// Stories of Pardisan (Qom) taken as far as a test needs through the real commands, as the demo accounts who may send them:
/// the facilitator writes and submits, Qom's officer approves, ministry staff feature.
/// </summary>
internal sealed class StoryScene(Func<string, IMessage, Task<object>> send, Func<Func<SalamDbContext, Task<object>>, Task<object>> read)
{
    public const string Facilitator = "facilitator.pardisan";
    public const string Officer = "officer.qom";
    public const string OtherOfficer = "officer.mazandaran";
    public const string Ministry = "ministry";

    /// <summary>The smallest PNG (1×1): an image the photo processor decodes whatever the file is called.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static StoryScene Of(TestApp app) => new(
        async (user, request) => await app.SendAsync<object>(await app.PrincipalOfAsync(user), request),
        async query => await app.ReadAsync(query));

    public static StoryScene Of(SalamWebFactory factory) => new(
        async (user, request) => await factory.SendAsStaffAsync<object>(user, request),
        async query =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
        });

    public async Task<(int Id, string Code)> PardisanAsync() => ((int, string))await read(async db =>
        await db.Neighbourhoods.Where(n => n.NameEn == "Pardisan").Select(n => ValueTuple.Create(n.Id, n.Code)).SingleAsync());

    public async Task<StoryWritten> WriteAsync(string title = "پارک محله بازسازی شد", string text = "**نیمکت‌ها** تازه شدند.", int? dutyId = null)
    {
        var (neighbourhoodId, _) = await PardisanAsync();
        return (StoryWritten)await send(Facilitator, new WriteStory(null, neighbourhoodId, StorySubject.CentreInitiative, title, text, dutyId, null, null));
    }

    public async Task<StoryWritten> AddPhotoAsync(StoryWritten story, string alt = "نیمکت‌های تازهٔ پارک") =>
        (StoryWritten)await send(Facilitator, new AddStoryPhoto(story.StoryId, Png, alt, story.Version));

    public async Task<StoryWritten> SubmittedAsync(string title = "پارک محله بازسازی شد", string text = "**نیمکت‌ها** تازه شدند.", bool withPhoto = false, int? dutyId = null)
    {
        var story = await WriteAsync(title, text, dutyId);
        if (withPhoto) story = await AddPhotoAsync(story);
        return (StoryWritten)await send(Facilitator, new SubmitStory(story.StoryId, story.Version));
    }

    public async Task<StoryWritten> ApprovedAsync(string title = "پارک محله بازسازی شد", string text = "**نیمکت‌ها** تازه شدند.", bool withPhoto = false)
    {
        var story = await SubmittedAsync(title, text, withPhoto);
        return (StoryWritten)await send(Officer, new ApproveStory(story.StoryId, story.Version));
    }

    public async Task<StoryWritten> FeaturedAsync(string title = "پارک محله بازسازی شد")
    {
        var story = await ApprovedAsync(title);
        return (StoryWritten)await send(Ministry, new FeatureStory(story.StoryId, true, story.Version));
    }

    public async Task<StoredStory> StoredAsync(int storyId) => (StoredStory)await read(async db =>
        await db.SuccessStories.Where(s => s.Id == storyId)
            .Select(s => new StoredStory(s.Status, s.Featured, s.Title, s.ReturnReason, s.Version, s.Photos.Count)).SingleAsync());

    public async Task<int> CountAsync() => (int)await read(async db => await db.SuccessStories.CountAsync());

    public async Task<int> PhotoIdAsync(int storyId) => (int)await read(async db =>
        await db.StoryPhotos.Where(p => p.StoryId == storyId).Select(p => p.Id).FirstAsync());
}

internal sealed record StoredStory(StoryStatus Status, bool Featured, string Title, string? ReturnReason, Guid Version, int Photos);
