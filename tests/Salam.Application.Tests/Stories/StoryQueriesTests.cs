using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Paging;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Application.Stories.Queries.GetPublishedStories;
using Salam.Application.Stories.Queries.GetStories;
using Salam.Application.Stories.Queries.GetStory;
using Salam.Application.Stories.Queries.GetStoryChoices;
using Salam.Application.Stories.Queries.GetStoryPhoto;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Stories;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;
using static Salam.Application.Tests.Meetings.Commands.MeetingScene;
using static Salam.Application.Tests.Stories.StoryScene;

namespace Salam.Application.Tests.Stories;

public sealed class StoryQueriesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<IReadOnlyList<int>> ListedAsync(string who, StoryStatus? status = null) =>
        (await App.SendAsync<Paged<StoryLine>>(await App.PrincipalOfAsync(who), new GetStories(status, 0, Paging.MaxPageSize))).Items.Select(l => l.StoryId).ToList();

    [Fact]
    public async Task Each_role_lists_the_stories_of_its_reach_drafts_only_for_their_centre_and_published_only_for_the_ministry()
    {
        var p = await PlacesAsync(App);
        var draft = await DraftAsync(App, p.Pardisan, title: "پیش‌نویس");
        var submitted = await SubmittedAsync(App, p.Pardisan, title: "در انتظار");
        var approved = await ApprovedAsync(App, p.Qods, title: "منتشرشده", withPhoto: true);

        Assert.Superset(new HashSet<int> { draft.StoryId, submitted.StoryId, approved.StoryId }, (await ListedAsync("facilitator.pardisan")).ToHashSet());
        var officer = await ListedAsync("officer.qom");
        Assert.DoesNotContain(draft.StoryId, officer);
        Assert.Equal(submitted.StoryId, officer[0]); // what waits for approval comes first
        Assert.Contains(approved.StoryId, officer);
        Assert.Equal([approved.StoryId], (await ListedAsync("ministry")).Intersect([draft.StoryId, submitted.StoryId, approved.StoryId]));
        Assert.Empty((await ListedAsync("facilitator.sari")).Intersect([draft.StoryId, submitted.StoryId, approved.StoryId]));
        Assert.Empty((await ListedAsync("officer.mazandaran")).Intersect([draft.StoryId, submitted.StoryId, approved.StoryId]));
        Assert.DoesNotContain(draft.StoryId, await ListedAsync("facilitator.pardisan", StoryStatus.Approved));

        var line = (await App.SendAsync<Paged<StoryLine>>(await Facilitator(App), new GetStories(StoryStatus.Approved))).Items.Single(l => l.StoryId == approved.StoryId);
        Assert.Equal(("منتشرشده", 1, StoryStatus.Approved), (line.Title, line.Photos, line.Status));

        foreach (var who in new[] { "agency.qom.welfare", "admin" })
            await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Paged<StoryLine>>(await App.PrincipalOfAsync(who), new GetStories()));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<Paged<StoryLine>>(await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile), new GetStories()));
        await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<Paged<StoryLine>>(await Facilitator(App), new GetStories(null, 0, Paging.MaxPageSize + 1)));
    }

    [Fact]
    public async Task A_story_reads_with_its_duty_decision_and_photos_for_those_who_reach_it_and_is_refused_to_others()
    {
        var p = await PlacesAsync(App);
        var duty = await DoneDutyAsync(App, p.Pardisan, "روشنایی کوچهٔ ۱۲");
        var decision = await DecisionAsync(App, p);
        var facilitator = await Facilitator(App);
        var written = await App.SendAsync<StoryWritten>(facilitator, NewStory(p.Pardisan, duty, decisionId: decision));
        written = await WithPhotoAsync(App, written);

        var detail = await App.SendAsync<StoryDetail>(facilitator, new GetStory(written.StoryId));
        Assert.Equal((p.Pardisan, "روشنایی کوچهٔ ۱۲", (DutyStatus?)DutyStatus.Done, "جشن پایان کار روشنایی", StoryStatus.Draft, true, written.Version),
            (detail.NeighbourhoodId, detail.DutyTitle, detail.DutyStatus, detail.DecisionTitle, detail.Status, detail.IsEditable, detail.Version));
        Assert.Equal([(800, 600, "کوچهٔ روشن در شب")], detail.Photos.Select(ph => (ph.Width, ph.Height, ph.AltText)));

        // A draft is its centre's own; another centre, another province, a manager or a resident do not reach it at all.
        await Assert.ThrowsAsync<NotFoundException>(async () => await App.SendAsync<StoryDetail>(await Officer(App), new GetStory(written.StoryId)));
        await Assert.ThrowsAsync<NotFoundException>(async () => await App.SendAsync<StoryDetail>(await Ministry(App), new GetStory(written.StoryId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<StoryDetail>(await App.PrincipalOfAsync("facilitator.sari"), new GetStory(written.StoryId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<StoryDetail>(await App.PrincipalOfAsync("officer.mazandaran"), new GetStory(written.StoryId)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<StoryDetail>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetStory(written.StoryId)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<StoryDetail>(facilitator, new GetStory(int.MaxValue)));
    }

    [Fact]
    public async Task A_photo_is_served_to_anyone_once_published_and_otherwise_only_to_staff_who_read_its_story()
    {
        var p = await PlacesAsync(App);
        var duty = await DoneDutyAsync(App, p.Pardisan);
        var published = await ApprovedAsync(App, p.Pardisan, duty, withPhoto: true);
        var draft = await WithPhotoAsync(App, await DraftAsync(App, p.Pardisan));
        var publicPhoto = (await ReadStoryAsync(App, published.StoryId)).Photos.Single().Id;
        var draftPhoto = (await ReadStoryAsync(App, draft.StoryId)).Photos.Single().Id;
        var resident = await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);

        var file = await App.SendAsync<StoryPhotoFile>(Anonymous, new GetStoryPhoto(publicPhoto));
        Assert.True(file.Published);
        Assert.Equal([0xFF, 0xD8], file.Jpeg[..2]);

        var own = await App.SendAsync<StoryPhotoFile>(await Facilitator(App), new GetStoryPhoto(draftPhoto));
        Assert.False(own.Published);
        foreach (var stranger in new[] { Anonymous, resident, await App.PrincipalOfAsync("facilitator.sari"), await Officer(App), await App.PrincipalOfAsync("agency.qom.welfare") })
            await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<StoryPhotoFile>(stranger, new GetStoryPhoto(draftPhoto)));

        // Residents dispute the duty: the story leaves the public pages, its photo with it (its writer still sees it).
        await DisputeAsync(App, duty);
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<StoryPhotoFile>(Anonymous, new GetStoryPhoto(publicPhoto)));
        Assert.False((await App.SendAsync<StoryPhotoFile>(await Facilitator(App), new GetStoryPhoto(publicPhoto))).Published);
        await SettleAsync(App, duty);
        Assert.True((await App.SendAsync<StoryPhotoFile>(Anonymous, new GetStoryPhoto(publicPhoto))).Published);
    }

    [Fact]
    public async Task Published_stories_are_read_by_anyone_by_neighbourhood_province_or_featured_latest_first_and_never_unpublished_ones()
    {
        var p = await PlacesAsync(App);
        var codes = await App.ReadAsync(async db => new
        {
            Pardisan = await db.Neighbourhoods.Where(n => n.Id == p.Pardisan).Select(n => n.Code).SingleAsync(),
            Qods = await db.Neighbourhoods.Where(n => n.Id == p.Qods).Select(n => n.Code).SingleAsync(),
            Qom = await db.Provinces.Where(x => x.Id == p.Qom).Select(x => x.Code).SingleAsync(),
            Mazandaran = await db.Provinces.Where(x => x.Id == p.Mazandaran).Select(x => x.Code).SingleAsync(),
        });
        var duty = await DoneDutyAsync(App, p.Pardisan);
        var older = await ApprovedAsync(App, p.Pardisan, title: "قدیمی‌تر", withPhoto: true);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var newer = await ApprovedAsync(App, p.Pardisan, title: "تازه‌تر");
        var disputed = await ApprovedAsync(App, p.Pardisan, duty, title: "دربارهٔ وظیفهٔ مورد اعتراض");
        var qods = await ApprovedAsync(App, p.Qods, title: "شهرک قدس");
        var submitted = await SubmittedAsync(App, p.Pardisan, title: "ارسال‌شده");
        var draft = await DraftAsync(App, p.Pardisan, title: "پیش‌نویس");
        await App.SendAsync<StoryWritten>(await Ministry(App), new FeatureStory(qods.StoryId, true, qods.Version));
        await DisputeAsync(App, duty);

        // Anyone, signed in or not; a neighbourhood's code may be typed with Persian digits.
        var pardisan = await App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(NeighbourhoodCode: Digits.ToPersian(codes.Pardisan)));
        var mine = new[] { older.StoryId, newer.StoryId, disputed.StoryId, qods.StoryId, submitted.StoryId, draft.StoryId };
        Assert.Equal([newer.StoryId, older.StoryId], pardisan.Select(s => s.StoryId).Intersect(mine));
        var first = pardisan.Single(s => s.StoryId == older.StoryId);
        Assert.Equal(("قدیمی‌تر", codes.Pardisan, 1), (first.Title, first.NeighbourhoodCode, first.Photos.Count));
        Assert.Equal("کوچهٔ روشن در شب", first.Photos[0].AltText);

        var province = await App.SendAsync<IReadOnlyList<PublishedStory>>(await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile), new GetPublishedStories(ProvinceCode: codes.Qom));
        Assert.Equal([qods.StoryId, newer.StoryId, older.StoryId], province.Select(s => s.StoryId).Intersect(mine));
        var featured = await App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(FeaturedOnly: true));
        Assert.Equal([qods.StoryId], featured.Select(s => s.StoryId).Intersect(mine));
        Assert.All(featured, s => Assert.True(s.Featured));
        Assert.Empty((await App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(ProvinceCode: codes.Mazandaran))).Select(s => s.StoryId).Intersect(mine));
        Assert.Empty(await App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(NeighbourhoodCode: "no-such-place")));
        Assert.Single(await App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(Take: 1)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(Take: 0)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<IReadOnlyList<PublishedStory>>(Anonymous, new GetPublishedStories(Take: 10_000)));
    }

    [Fact]
    public async Task A_facilitator_chooses_among_their_centres_neighbourhoods_done_duties_and_published_decisions_only()
    {
        var p = await PlacesAsync(App);
        var done = await DoneDutyAsync(App, p.Pardisan, "دوره آموزش مهارت");
        var open = await DoneDutyAsync(App, p.Pardisan, "هنوز در کار", done: false);
        var elsewhere = await DoneDutyAsync(App, p.Safashahr);
        var published = await DecisionAsync(App, p);
        var unpublished = await DecisionAsync(App, p, publish: false);

        var choices = await App.SendAsync<IReadOnlyList<StoryNeighbourhood>>(await Facilitator(App), new GetStoryChoices());
        Assert.Contains(choices, c => c.NeighbourhoodId == p.Qods);
        Assert.DoesNotContain(choices, c => c.NeighbourhoodId == p.Safashahr || c.NeighbourhoodId == p.MazandaranNeighbourhood);
        var pardisan = choices.Single(c => c.NeighbourhoodId == p.Pardisan);
        Assert.Contains(new StoryLink(done, "دوره آموزش مهارت"), pardisan.Duties);
        Assert.DoesNotContain(pardisan.Duties, d => d.Id == open || d.Id == elsewhere);
        Assert.Contains(pardisan.Decisions, d => d.Id == published);
        Assert.DoesNotContain(pardisan.Decisions, d => d.Id == unpublished);

        var sari = await App.SendAsync<IReadOnlyList<StoryNeighbourhood>>(await App.PrincipalOfAsync("facilitator.sari"), new GetStoryChoices());
        Assert.DoesNotContain(sari, c => c.NeighbourhoodId == p.Pardisan || c.NeighbourhoodId == p.Qods);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<IReadOnlyList<StoryNeighbourhood>>(await Officer(App), new GetStoryChoices()));
    }
}
