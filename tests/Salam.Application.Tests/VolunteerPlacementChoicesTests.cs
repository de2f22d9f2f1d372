using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Volunteers.Commands.PlaceVolunteer;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.Duties;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Tests;

/// <summary>Placing from a roster row: the choices are the volunteer's own neighbourhood's work that calls for their skills, and only in scope.</summary>
public sealed class VolunteerPlacementChoicesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private static readonly DutyStatus[] Open = [DutyStatus.Assigned, DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Blocked];

    [Fact]
    public async Task The_choices_are_the_open_work_of_the_volunteers_neighbourhood_that_calls_for_one_of_their_skills()
    {
        // A Pardisan volunteer whose neighbourhood has approved needs some of which their skills do not fit: the filter must cut.
        var candidates = await App.ReadAsync(db => db.Volunteers
            .Where(v => v.Skills != VolunteerSkill.None && db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.Centre!.NameEn.Contains("Pardisan")))
            .Select(v => new { v.Id, v.NeighbourhoodId, v.Skills }).ToListAsync());
        var needs = await App.ReadAsync(db => db.Needs.Where(n => n.Status == NeedStatus.Approved).Select(n => new { n.Id, n.NeighbourhoodId, n.Category }).ToListAsync());
        var duties = await App.ReadAsync(db => db.Duties.Where(d => Open.Contains(d.Status))
            .Select(d => new { d.Id, d.NeighbourhoodId, Category = db.Needs.Where(n => n.Id == d.NeedId).Select(n => (NeedCategory?)n.Category).FirstOrDefault() }).ToListAsync());
        bool Fits(VolunteerSkill skills, NeedCategory? category) => category is not { } c || (VolunteerRanking.SkillsFor(c) & skills) != 0;
        var volunteer = candidates.First(v => needs.Any(n => n.NeighbourhoodId == v.NeighbourhoodId && Fits(v.Skills, n.Category))
                                             && needs.Any(n => n.NeighbourhoodId == v.NeighbourhoodId && !Fits(v.Skills, n.Category)));

        var choices = await App.SendAsync<VolunteerPlacementChoices>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetVolunteerPlacementChoices(volunteer.Id));

        var expected = duties.Where(d => d.NeighbourhoodId == volunteer.NeighbourhoodId && Fits(volunteer.Skills, d.Category)).Select(d => $"duty-{d.Id}")
            .Concat(needs.Where(n => n.NeighbourhoodId == volunteer.NeighbourhoodId && Fits(volunteer.Skills, n.Category)).Select(n => $"need-{n.Id}"));
        Assert.Equal(expected.Order(), choices.Choices.Select(c => c.Key).Order());
        Assert.Equal(volunteer.Skills, choices.Skills);
        Assert.All(choices.Choices.Where(c => c.NeedId is not null), c => Assert.True(Fits(volunteer.Skills, c.Category)));
    }

    [Fact]
    public async Task A_tampered_volunteer_id_of_another_centre_is_refused_and_placing_them_writes_nothing()
    {
        var sariVolunteer = await App.ReadAsync(db => db.Volunteers
            .Where(v => db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.Centre!.NameEn.Contains("Sarvineh"))).Select(v => v.Id).FirstAsync());
        var pardisanDuty = await App.ReadAsync(db => db.Duties
            .Where(d => Open.Contains(d.Status) && db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.Centre!.NameEn.Contains("Pardisan"))).Select(d => d.Id).FirstAsync());
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await App.ReadAsync(async db => (await db.Placements.CountAsync(), await db.VolunteerStatusChanges.CountAsync()));

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<VolunteerPlacementChoices>(facilitator, new GetVolunteerPlacementChoices(sariVolunteer)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(sariVolunteer, pardisanDuty, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<VolunteerPlacementChoices>(facilitator, new GetVolunteerPlacementChoices(999_999)));
        Assert.Equal(before, await App.ReadAsync(async db => (await db.Placements.CountAsync(), await db.VolunteerStatusChanges.CountAsync())));
    }
}
