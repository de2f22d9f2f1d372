using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Meetings.Queries.GetMeetingPlanChoices;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;
using Salam.Testing;

namespace Salam.Application.Tests.Meetings.Queries;

/// <summary>What the planning form offers for a scope: its agencies, neighbourhoods, top needs and late duties, and nothing beyond the caller's reach.</summary>
public sealed class MeetingPlanChoicesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<MeetingPlanChoices> AskAsync(string userName, MeetingScope scope, int id) =>
        App.PrincipalOfAsync(userName).ContinueWith(async p => await App.SendAsync<MeetingPlanChoices>(await p, new GetMeetingPlanChoices(scope, id))).Unwrap();

    [Fact]
    public async Task A_neighbourhood_offers_its_provinces_and_the_national_agencies_its_top_three_needs_and_its_late_duties()
    {
        var pardisan = await App.NeighbourhoodAsync("Pardisan");

        var choices = await AskAsync("facilitator.pardisan", MeetingScope.Neighbourhood, pardisan);

        var qom = await App.ProvinceAsync("Qom");
        Assert.Equal((qom, await App.CountyAsync("Qom"), (int?)pardisan), (choices.ProvinceId, choices.CountyId, choices.NeighbourhoodId));
        Assert.Equal("پردیسان", choices.ScopeName.Fa);
        var expectedAgencies = await App.ReadAsync(db => db.Agencies.Where(a => a.IsActive && (a.ProvinceId == null || a.ProvinceId == qom)).Select(a => a.Id).ToListAsync());
        Assert.Equal(expectedAgencies.Order(), choices.Agencies.Select(a => a.Id).Order());
        Assert.Contains(choices.Agencies, a => a.National);
        Assert.Equal([pardisan], choices.Neighbourhoods.Select(n => n.Id));

        var top = await App.PublishedTopAsync(pardisan, 3);
        Assert.Equal(3, top.Count);
        Assert.Equal(top, choices.TopNeeds.Select(n => (n.NeedId, n.Position)));
        Assert.All(choices.TopNeeds, n => Assert.Equal("پردیسان", n.Neighbourhood.Fa));

        var today = App.Today();
        var duties = await App.ReadAsync(db => db.Duties.Where(d => d.NeighbourhoodId == pardisan).Select(d => new { d.Id, d.Status, d.DueDate }).ToListAsync());
        var late = duties.Where(d => Duty.IsOverdue(d.Status, d.DueDate, today) || d.Status == DutyStatus.Blocked).ToList();
        Assert.NotEmpty(late);
        Assert.Equal(late.Select(d => d.Id).Order(), choices.LateDuties.Select(d => d.DutyId).Order());
        Assert.All(choices.LateDuties, d => Assert.Equal(
            Duty.IsOverdue(d.Status, late.Single(x => x.Id == d.DutyId).DueDate, today) ? today.DayNumber - late.Single(x => x.Id == d.DutyId).DueDate.DayNumber : 0, d.OverdueDays));
        Assert.Contains(choices.LateDuties, d => d.OverdueDays > 0);
    }

    [Fact]
    public async Task A_county_offers_every_neighbourhood_of_it_with_each_ones_top_needs()
    {
        var county = await App.CountyAsync("Kahak");

        var choices = await AskAsync("officer.qom", MeetingScope.County, county);

        var places = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.CountyId == county).Select(n => n.Id).ToListAsync());
        Assert.Equal(places.Order(), choices.Neighbourhoods.Select(n => n.Id).Order());
        Assert.Equal(places.Count * 3, choices.TopNeeds.Count);
        Assert.Equal("کهک", choices.ScopeName.Fa);
        Assert.Null(choices.NeighbourhoodId);
    }

    [Theory]
    [InlineData(MeetingScope.County)]
    [InlineData(MeetingScope.Province)]
    public async Task A_facilitator_is_refused_their_own_countys_or_provinces_choices(MeetingScope scope)
    {
        // Within their province, so the pipeline's reach lets them through: the handler refuses, as planning such a meeting is refused.
        var id = scope == MeetingScope.County ? await App.CountyAsync("Qom") : await App.ProvinceAsync("Qom");

        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync("facilitator.pardisan", scope, id));
    }

    [Fact]
    public async Task A_province_offers_no_agency_of_another_province_nor_a_deactivated_one()
    {
        var qom = await App.ProvinceAsync("Qom");
        var retired = await App.ReadAsync(async db =>
        {
            var agency = new Agency("دستگاه بازنشسته", "Retired agency", AgencyKind.Other, qom);
            agency.Deactivate();
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            return agency.Id;
        });

        var choices = await AskAsync("officer.qom", MeetingScope.Province, qom);

        var otherProvinces = await App.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId != null && a.ProvinceId != qom).Select(a => a.Id).ToListAsync());
        Assert.NotEmpty(otherProvinces);
        Assert.DoesNotContain(choices.Agencies, a => otherProvinces.Contains(a.Id) || a.Id == retired);
        Assert.Equal(await App.ReadAsync(db => db.Neighbourhoods.CountAsync(n => n.County!.ProvinceId == qom)), choices.Neighbourhoods.Count);
    }

    [Fact]
    public async Task Top_needs_come_from_the_latest_published_round_not_a_later_closed_one()
    {
        var fordow = await App.NeighbourhoodAsync("Fordow");
        var published = await App.PublishedTopAsync(fordow, 3);
        // The open round closes (counted) but the officer has not published it: its results must not lead the agenda yet.
        await App.ReadAsync(async db =>
        {
            var open = await db.PriorityRounds.Include(r => r.Needs).SingleAsync(r => r.NeighbourhoodId == fordow && r.Status == RoundStatus.Open);
            open.Close(App.Clock.GetUtcNow(), await db.Ballots.Where(b => b.RoundId == open.Id).ToListAsync(), new BordaCount());
            return await db.SaveChangesAsync();
        });

        var choices = await AskAsync("officer.qom", MeetingScope.Neighbourhood, fordow);

        Assert.Equal(published, choices.TopNeeds.Select(n => (n.NeedId, n.Position)));
    }

    [Theory]
    [InlineData("facilitator.pardisan", MeetingScope.Neighbourhood, "Safashahr")]
    [InlineData("facilitator.sari", MeetingScope.Neighbourhood, "Pardisan")]
    [InlineData("officer.mazandaran", MeetingScope.Neighbourhood, "Pardisan")]
    [InlineData("officer.mazandaran", MeetingScope.County, "Qom")]
    [InlineData("officer.mazandaran", MeetingScope.Province, "Qom")]
    [InlineData("agency.qom.welfare", MeetingScope.Neighbourhood, "Pardisan")]
    [InlineData("ministry", MeetingScope.Province, "Qom")]
    public async Task Outside_the_callers_scope_or_role_is_forbidden(string userName, MeetingScope scope, string place)
    {
        var id = scope switch
        {
            MeetingScope.Neighbourhood => await App.NeighbourhoodAsync(place),
            MeetingScope.County => await App.CountyAsync(place),
            _ => await App.ProvinceAsync(place),
        };

        await Assert.ThrowsAsync<ForbiddenException>(() => AskAsync(userName, scope, id));
    }

    [Theory]
    [InlineData(MeetingScope.Neighbourhood)]
    [InlineData(MeetingScope.County)]
    [InlineData(MeetingScope.Province)]
    public async Task A_scope_that_does_not_exist_is_not_found(MeetingScope scope) =>
        await Assert.ThrowsAsync<NotFoundException>(() => AskAsync("officer.qom", scope, 987_654));
}
