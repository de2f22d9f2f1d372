using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Paging;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Tests;

/// <summary>Who sees which volunteers, with or without contact details, and the figures the roll-ups read.</summary>
public sealed class VolunteerRosterTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private Task<List<int>> VolunteersWhereAsync(string centreEn) => App.ReadAsync(db => db.Volunteers
        .Where(v => db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.Centre!.NameEn.Contains(centreEn))).Select(v => v.Id).OrderBy(i => i).ToListAsync());

    [Fact]
    public async Task A_facilitator_sees_exactly_the_volunteers_of_their_centre_with_their_mobile_numbers()
    {
        var roster = await App.SendAsync<VolunteerRoster>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetVolunteerRoster(PageSize: Paging.MaxPageSize));

        Assert.Equal(await VolunteersWhereAsync("Pardisan"), roster.Volunteers.Select(v => v.Id).Order());
        Assert.True(roster.ShowsContact);
        var mobiles = await App.ReadAsync(db => db.Volunteers.Join(db.Residents, v => v.ResidentId, r => r.Id, (v, r) => new { v.Id, r.Mobile }).ToDictionaryAsync(x => x.Id, x => x.Mobile));
        Assert.Equal(roster.Volunteers.Select(v => mobiles[v.Id]), roster.Volunteers.Select(v => v.Mobile)); // each volunteer's own number
    }

    [Fact]
    public async Task A_provincial_officer_sees_the_provinces_volunteers_without_contact_details_and_none_of_another_province()
    {
        var qom = await App.SendAsync<VolunteerRoster>(await App.PrincipalOfAsync("officer.qom"), new GetVolunteerRoster(PageSize: Paging.MaxPageSize));
        var mazandaran = await App.SendAsync<VolunteerRoster>(await App.PrincipalOfAsync("officer.mazandaran"), new GetVolunteerRoster(PageSize: Paging.MaxPageSize));

        Assert.False(qom.ShowsContact);
        var inQom = await App.ReadAsync(db => db.Volunteers.Where(v => db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.County!.Province!.NameEn == "Qom"))
            .Select(v => v.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal(inQom, qom.Volunteers.Select(v => v.Id).Order());
        Assert.Equal(Enumerable.Repeat<string?>(null, inQom.Count), qom.Volunteers.Select(v => v.Mobile));
        Assert.Empty(mazandaran.Volunteers.Select(v => v.Id).Intersect(qom.Volunteers.Select(v => v.Id)));
    }

    [Fact]
    public async Task The_roster_filter_keeps_any_chosen_skill_every_chosen_day_and_the_status()
    {
        var roster = await App.SendAsync<VolunteerRoster>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetVolunteerRoster(PageSize: Paging.MaxPageSize));
        // The filter is taken from a real volunteer, so it keeps at least one; a filter that keeps nobody would prove nothing.
        var sample = roster.Volunteers.First(v => v.Skills != VolunteerSkill.None && v.Days != Weekdays.None);
        var skill = Enum.GetValues<VolunteerSkill>().First(s => s != VolunteerSkill.None && sample.Skills.HasFlag(s));
        var day = Enum.GetValues<Weekdays>().First(d => d != Weekdays.None && sample.Days.HasFlag(d));
        var wanted = skill | VolunteerSkill.Medicine;
        var filter = new RosterFilter(wanted, day, sample.Status);

        var filtered = await App.SendAsync<VolunteerRoster>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetVolunteerRoster(filter, PageSize: Paging.MaxPageSize));
        var kept = filtered.Volunteers.Select(v => v.Id).ToList();

        var expected = roster.Volunteers.Where(v => (v.Skills & wanted) != 0 && v.Days.HasFlag(day) && v.Status == sample.Status).Select(v => v.Id).ToList();
        Assert.Contains(sample.Id, kept);
        Assert.Equal(expected.Order(), kept.Order());
        Assert.Equal(kept.Count, filtered.Total);
        Assert.True(kept.Count < roster.Volunteers.Count, "the filter left someone out");
    }

    [Fact]
    public async Task Candidates_for_a_need_are_the_neighbourhoods_active_volunteers_best_fit_first()
    {
        var need = await App.ReadAsync(db => db.Needs.Where(n => n.Status == NeedStatus.Approved && db.Residents.Any(r => r.Mobile == "09120000001" && r.NeighbourhoodId == n.NeighbourhoodId))
            .Select(n => new { n.Id, n.NeighbourhoodId, n.Category }).FirstAsync());

        var candidates = await App.SendAsync<PlacementCandidates>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetPlacementCandidates(null, need.Id));

        Assert.Equal(VolunteerRanking.SkillsFor(need.Category), candidates.Wanted);
        Assert.NotEmpty(candidates.Ranked);
        Assert.Equal(candidates.Ranked.Select(c => c.Fit).OrderDescending(), candidates.Ranked.Select(c => c.Fit));
        var neighbourhoodVolunteers = await App.ReadAsync(db => db.Volunteers.Where(v => v.NeighbourhoodId == need.NeighbourhoodId && v.Status != VolunteerStatus.Inactive).Select(v => v.Id).ToListAsync());
        Assert.Equal(neighbourhoodVolunteers.Order(), candidates.Ranked.Select(c => c.VolunteerId).Order());
    }

    [Fact]
    public async Task Volunteer_figures_count_each_neighbourhood_by_status_and_skill_within_the_callers_scope()
    {
        var national = await App.SendAsync<IReadOnlyList<VolunteerFigure>>(await App.PrincipalOfAsync("ministry"), new GetVolunteerFigures());
        var qom = await App.SendAsync<IReadOnlyList<VolunteerFigure>>(await App.PrincipalOfAsync("officer.qom"), new GetVolunteerFigures());

        var total = await App.ReadAsync(db => db.Volunteers.CountAsync());
        Assert.Equal(total, national.Where(f => f.Skill == VolunteerSkill.None).Sum(f => f.Count));
        var nurses = await App.ReadAsync(db => db.Volunteers.CountAsync(v => (v.Skills & VolunteerSkill.Nursing) != 0));
        Assert.Equal(nurses, national.Where(f => f.Skill == VolunteerSkill.Nursing).Sum(f => f.Count));
        Assert.True(qom.Sum(f => f.Count) < national.Sum(f => f.Count));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<IReadOnlyList<VolunteerFigure>>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetVolunteerFigures()));
    }
}
