using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Public.Common;
using Salam.Application.Public.Queries.GetNationalPage;
using Salam.Application.Public.Queries.GetNeighbourhoodPage;
using Salam.Application.Public.Queries.GetProvincePage;
using Salam.Application.Common.Interfaces;
using Salam.Application.Stories.Commands.FeatureStory;
using Salam.Application.Stories.Commands.ReviewStory;
using Salam.Application.Stories.Commands.SubmitStory;
using Salam.Application.Stories.Commands.WriteStory;
using Salam.Application.Tests.Meetings.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Domain.Rounds;
using Salam.Domain.Stories;
using Salam.Testing;

namespace Salam.Application.Tests.Public;

/// <summary>
/// The public pages' queries, sent by nobody in particular (no sign-in): they read only what is published, withhold counts
/// under five, name no resident, and take their figures from each level's latest roll-up snapshot. Each test has a fresh demo
/// country of its own, so the ones that change it stay apart.
/// </summary>
public sealed class PublicPageTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private Task<NeighbourhoodPage> NeighbourhoodAsync(string code, ClaimsPrincipal? caller = null) =>
        _app.SendAsync<NeighbourhoodPage>(caller ?? Anonymous, new GetNeighbourhoodPage(code));

    private Task<string> CodeOfAsync(string nameEn) => _app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameEn == nameEn).Select(n => n.Code).SingleAsync());

    [Fact]
    public async Task Anyone_without_signing_in_reads_a_neighbourhoods_published_results_and_the_duties_for_its_top_priorities()
    {
        var pardisan = await _app.NeighbourhoodAsync("Pardisan");

        var page = await NeighbourhoodAsync(await CodeOfAsync("Pardisan"));

        Assert.Equal(("پردیسان", "Qom", "QOM"), (page.Name.Fa, page.Province.En, page.ProvinceCode));
        Assert.Equal("Pardisan Positive Life Centre", page.Centre!.Name.En);
        var top = await _app.PublishedTopAsync(pardisan, GetNeighbourhoodPageHandler.TopPriorities);
        Assert.Equal(top.Select(t => t.NeedId), page.LatestResults!.Lines.Select(l => l.NeedId));
        var expectedDuties = await _app.ReadAsync(db => db.Duties.Where(d => d.NeighbourhoodId == pardisan && d.NeedId != null)
            .Select(d => new { d.Id, NeedId = d.NeedId!.Value }).ToListAsync());
        var topNeeds = top.Select(t => t.NeedId).ToHashSet();
        Assert.Equal(expectedDuties.Where(d => topNeeds.Contains(d.NeedId)).Select(d => d.Id).Order(), page.Duties.Select(d => d.DutyId).Order());
        Assert.NotNull(page.CurrentRound);
    }

    [Fact]
    public async Task Signed_in_callers_of_any_role_read_the_same_page_as_anyone()
    {
        var code = await CodeOfAsync("Pardisan");
        var anyone = JsonSerializer.Serialize(await NeighbourhoodAsync(code));

        foreach (var staff in new[] { "facilitator.pardisan", "officer.mazandaran", "agency.qom.welfare", "ministry" })
            Assert.Equal(anyone, JsonSerializer.Serialize(await NeighbourhoodAsync(code, await _app.PrincipalOfAsync(staff))));
        var resident = await _app.ResidentPrincipalAsync(await _app.ResidentMobileOfAsync(await _app.NeighbourhoodAsync("Sarvineh Bagh")));
        Assert.Equal(anyone, JsonSerializer.Serialize(await NeighbourhoodAsync(code, resident)));
    }

    [Theory]
    [InlineData("NO-SUCH-PLACE")]
    [InlineData("")]
    [InlineData("QOM-01-001-THIS-CODE-IS-FAR-TOO-LONG")]
    public async Task An_unknown_neighbourhood_code_is_not_found(string code) =>
        await Assert.ThrowsAnyAsync<RequestRefusedException>(() => NeighbourhoodAsync(code));

    [Fact]
    public async Task A_code_in_Persian_digits_finds_the_neighbourhood()
    {
        var code = await CodeOfAsync("Pardisan");

        var page = await NeighbourhoodAsync(Domain.Common.Digits.ToPersian(code));

        Assert.Equal(code, page.Code);
    }

    [Fact]
    public async Task A_deactivated_neighbourhood_or_province_is_not_found()
    {
        var code = await CodeOfAsync("Fordow");
        await NeighbourhoodAsync(code);
        await _app.ReadAsync(async db =>
        {
            (await db.Neighbourhoods.SingleAsync(n => n.Code == code)).Deactivate();
            (await db.Provinces.SingleAsync(p => p.Code == "MZN")).Deactivate();
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<NotFoundException>(() => NeighbourhoodAsync(code));
        await Assert.ThrowsAsync<NotFoundException>(() => _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("MZN")));
        var sarvineh = await CodeOfAsync("Sarvineh Bagh");
        await Assert.ThrowsAsync<NotFoundException>(() => NeighbourhoodAsync(sarvineh));
        Assert.DoesNotContain((await _app.SendAsync<NationalPage>(Anonymous, new GetNationalPage())).Provinces, p => p.Code == "MZN");
    }

    [Fact]
    public async Task A_closed_round_whose_results_wait_for_the_officer_shows_no_results_and_no_duties()
    {
        var safashahr = await _app.NeighbourhoodAsync("Safashahr");
        var code = await CodeOfAsync("Safashahr");
        Assert.NotNull((await NeighbourhoodAsync(code)).LatestResults);
        await _app.ReadAsync(async db =>
        {
            var round = await db.PriorityRounds.SingleAsync(r => r.NeighbourhoodId == safashahr && r.Status == RoundStatus.Published);
            db.Entry(round).Property(r => r.Status).CurrentValue = RoundStatus.Closed;
            return await db.SaveChangesAsync();
        });

        var page = await NeighbourhoodAsync(code);

        Assert.Null(page.LatestResults);
        Assert.Empty(page.Duties);
    }

    [Fact]
    public async Task Only_minutes_published_and_marked_public_are_shown()
    {
        var pardisan = await _app.NeighbourhoodAsync("Pardisan");
        var now = _app.Clock.GetUtcNow();
        var shown = (await _app.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, now.AddDays(-3))).Id;
        var notPublic = (await _app.ArrangeMeetingAsync(MeetingStatus.MinutesPublished, MeetingScope.Neighbourhood, pardisan, now.AddDays(-2), minutesPublic: false)).Id;
        var notPublished = (await _app.ArrangeMeetingAsync(MeetingStatus.Held, MeetingScope.Neighbourhood, pardisan, now.AddDays(-1))).Id;

        var minutes = (await NeighbourhoodAsync(await CodeOfAsync("Pardisan"))).Minutes.Select(m => m.MeetingId).ToList();

        Assert.Contains(shown, minutes);
        Assert.DoesNotContain(notPublic, minutes);
        Assert.DoesNotContain(notPublished, minutes);
    }

    [Fact]
    public async Task Volunteers_by_skill_are_withheld_at_four_and_shown_at_five()
    {
        var place = await _app.NeighbourhoodAsync("Pardisan");
        async Task OfferLawAsync(int volunteers) => await _app.ReadAsync(async db =>
        {
            var all = await db.Volunteers.Where(v => v.NeighbourhoodId == place && v.WithdrawnAt == null && v.Status != VolunteerStatus.Inactive).OrderBy(v => v.Id).ToListAsync();
            Assert.True(all.Count >= 5, "the demo neighbourhood needs five volunteers");
            foreach (var (volunteer, i) in all.Select((v, i) => (v, i)))
                volunteer.Revise(i < volunteers ? VolunteerSkill.Law : VolunteerSkill.Cooking, volunteer.HoursPerWeek, volunteer.Days, volunteer.Note);
            return await db.SaveChangesAsync();
        });
        var code = await CodeOfAsync("Pardisan");

        await OfferLawAsync(4);
        var four = (await NeighbourhoodAsync(code)).VolunteersBySkill.Single(s => s.Skill == VolunteerSkill.Law);
        await OfferLawAsync(5);
        var five = (await NeighbourhoodAsync(code)).VolunteersBySkill.Single(s => s.Skill == VolunteerSkill.Law);

        Assert.True(four.Count.FewerThanSmallNumber);
        Assert.Null(four.Count.Value);
        Assert.Equal(5, five.Count.Value);
    }

    [Fact]
    public async Task Residents_answers_to_a_done_duty_are_withheld_at_four_and_shown_at_five_and_a_disputed_duty_says_so()
    {
        var place = await _app.NeighbourhoodAsync("Pardisan");
        var code = await CodeOfAsync("Pardisan");
        var dutyId = (await NeighbourhoodAsync(code)).Duties.First(d => d.Status != DutyStatus.Done).DutyId;
        await _app.AdvanceDutyAsync(dutyId, DutyStatus.Done, _app.Clock.GetUtcNow());
        var residents = await _app.ReadAsync(db => db.Residents.Where(r => r.NeighbourhoodId == place).OrderBy(r => r.Id).Select(r => r.Id).Take(5).ToListAsync());
        async Task AnswerNoAsync(int resident) => await _app.ReadAsync(async db =>
        {
            var round = await db.Duties.Where(d => d.Id == dutyId).Select(d => d.CompletionRound).SingleAsync();
            db.CompletionChecks.Add(new CompletionCheck(dutyId, round, resident, CompletionAnswer.No, "انجام نشده", _app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        foreach (var resident in residents.Take(4)) await AnswerNoAsync(resident);
        var four = (await NeighbourhoodAsync(code)).Duties.Single(d => d.DutyId == dutyId).Confirmations!;
        await AnswerNoAsync(residents[4]);
        await _app.ReadAsync(async db =>
        {
            var duty = await db.Duties.SingleAsync(d => d.Id == dutyId);
            db.Entry(duty).Property(d => d.Status).CurrentValue = DutyStatus.Disputed;
            return await db.SaveChangesAsync();
        });
        var disputed = (await NeighbourhoodAsync(code)).Duties.Single(d => d.DutyId == dutyId);

        Assert.Null(four.No.Value);
        Assert.Equal(5, disputed.Confirmations!.No.Value);
        Assert.Equal(0, disputed.Confirmations.Yes.Value); // nobody said yes: zero names nobody
        Assert.Equal(DutyStatus.Disputed, disputed.Status);
    }

    [Fact]
    public async Task No_resident_is_named_anywhere_on_the_page()
    {
        var place = await _app.NeighbourhoodAsync("Pardisan");
        var residents = await _app.ReadAsync(db => db.Residents.Where(r => r.NeighbourhoodId == place).Select(r => new { r.FullName, r.Mobile, r.NationalId }).ToListAsync());

        var json = JsonSerializer.Serialize(await NeighbourhoodAsync(await CodeOfAsync("Pardisan")), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.NotEmpty(residents);
        foreach (var resident in residents)
        {
            Assert.DoesNotContain(resident.FullName, json);
            Assert.DoesNotContain(resident.Mobile, json);
            if (resident.NationalId is { } id) Assert.DoesNotContain(id, json);
        }
    }

    [Fact]
    public async Task Province_and_national_figures_come_from_each_levels_latest_snapshot()
    {
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _app.RunRollupAsync(RollupMode.Full);
        var first = await _app.SendAsync<NationalPage>(Anonymous, new GetNationalPage());
        // A duty done later changes the figures; the next run's snapshot, not the first, is what the pages show.
        var duty = await WelfareDuties.NewAsync(_app, DutyStatus.Accepted);
        await _app.AdvanceDutyAsync(duty.Id, DutyStatus.Done, _app.Clock.GetUtcNow());
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await _app.RunRollupAsync(RollupMode.Full);

        var national = await _app.SendAsync<NationalPage>(Anonymous, new GetNationalPage());
        var province = await _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("QOM"));

        var latest = await _app.ReadAsync(async db => (await db.RollupSnapshots.AsNoTracking().ToListAsync())
            .GroupBy(s => (s.Level, s.ScopeId)).ToDictionary(g => g.Key, g => g.MaxBy(s => s.ComputedAt)!));
        var qom = await _app.ProvinceAsync("Qom");
        Assert.Equal(first.Figures.DutiesDone + 1, national.Figures.DutiesDone);
        Assert.Equal(latest[(RollupLevel.National, RollupSnapshot.NationalScope)].DutiesDone, national.Figures.DutiesDone);
        Assert.Equal(latest[(RollupLevel.National, RollupSnapshot.NationalScope)].ComputedAt, national.Figures.ComputedAt);
        Assert.Equal(latest[(RollupLevel.Province, qom)].DutiesDone, province.Figures.DutiesDone);
        Assert.Equal(latest[(RollupLevel.Province, qom)].DutiesDone, national.Provinces.Single(p => p.Code == "QOM").DutiesDone);
        var counties = await _app.ReadAsync(db => db.Counties.Where(c => c.ProvinceId == qom).Select(c => new { c.Id, c.Code }).ToListAsync());
        foreach (var county in counties)
            Assert.Equal(latest[(RollupLevel.County, county.Id)].DutiesOverdue, province.Counties.Single(c => c.Code == county.Code).DutiesOverdue);
        Assert.Equal(PublicCount.Of(latest[(RollupLevel.Province, qom)].Volunteers), province.Figures.Volunteers);
    }

    [Fact]
    public async Task A_province_page_links_only_to_its_active_neighbourhoods()
    {
        var qom = await _app.ProvinceAsync("Qom");
        var active = await _app.ReadAsync(db => db.Neighbourhoods.Where(n => n.County!.ProvinceId == qom && n.IsActive).Select(n => n.Code).ToListAsync());

        var page = await _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("qom".ToUpperInvariant()));

        Assert.Equal(active.Order(), page.Neighbourhoods.Select(n => n.Code).Order());
        await Assert.ThrowsAnyAsync<RequestRefusedException>(() => _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("NOPE")));
    }

    [Fact]
    public async Task Only_approved_stories_reach_the_neighbourhood_and_province_pages_and_only_featured_ones_the_national_page()
    {
        var pardisan = await _app.NeighbourhoodAsync("Pardisan");
        async Task<StoryWritten> SendAsync(string user, Mediator.IMessage request) => await _app.SendAsync<StoryWritten>(await _app.PrincipalOfAsync(user), request);
        async Task<StoryWritten> WriteAsync(string title) =>
            await SendAsync("facilitator.pardisan", new WriteStory(null, pardisan, StorySubject.CentreInitiative, title, "متن داستان", null, null, null));
        var draft = await WriteAsync("پیش‌نویس");
        var toSubmit = await WriteAsync("فرستاده");
        var submitted = await SendAsync("facilitator.pardisan", new SubmitStory(toSubmit.StoryId, toSubmit.Version));
        var toApprove = await WriteAsync("تأییدشده");
        toApprove = await SendAsync("facilitator.pardisan", new SubmitStory(toApprove.StoryId, toApprove.Version));
        var approved = await SendAsync("officer.qom", new ApproveStory(toApprove.StoryId, toApprove.Version));
        var toFeature = await WriteAsync("برگزیده");
        toFeature = await SendAsync("facilitator.pardisan", new SubmitStory(toFeature.StoryId, toFeature.Version));
        toFeature = await SendAsync("officer.qom", new ApproveStory(toFeature.StoryId, toFeature.Version));
        var featured = await SendAsync("ministry", new FeatureStory(toFeature.StoryId, true, toFeature.Version));

        var neighbourhood = (await NeighbourhoodAsync(await CodeOfAsync("Pardisan"))).Stories.Select(s => s.StoryId).ToList();
        var province = (await _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("QOM"))).Stories.Select(s => s.StoryId).ToList();
        var national = (await _app.SendAsync<NationalPage>(Anonymous, new GetNationalPage())).FeaturedStories.Select(s => s.StoryId).ToList();
        var elsewhere = (await _app.SendAsync<ProvincePage>(Anonymous, new GetProvincePage("MZN"))).Stories;

        Assert.Equal([featured.StoryId, approved.StoryId], neighbourhood);
        Assert.Equal([featured.StoryId, approved.StoryId], province);
        Assert.Equal([featured.StoryId], national);
        Assert.Empty(elsewhere);
        Assert.DoesNotContain(draft.StoryId, neighbourhood);
        Assert.DoesNotContain(submitted.StoryId, neighbourhood);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, null)]
    [InlineData(4, null)]
    [InlineData(5, 5)]
    [InlineData(120, 120)]
    public void A_public_count_from_one_to_four_is_withheld_and_zero_is_shown(int count, int? shown) => Assert.Equal(shown, PublicCount.Of(count).Value);
}
