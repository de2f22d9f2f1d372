using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Volunteers.Commands.ChangeVolunteerStatus;
using Salam.Application.Volunteers.Commands.PlaceVolunteer;
using Salam.Application.Volunteers.Commands.SignUpAsVolunteer;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Unit = Mediator.Unit;

namespace Salam.Application.Tests;

/// <summary>Facilitators contact and place volunteers within their centre's neighbourhoods; every crossing and refusal writes nothing.</summary>
public sealed class VolunteerPlacementTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private Task<ClaimsPrincipal> As(string userName) => App.PrincipalOfAsync(userName);

    private Task<(int Placements, int Changes)> WrittenAsync() =>
        App.ReadAsync(async db => (await db.Placements.CountAsync(), await db.VolunteerStatusChanges.CountAsync()));

    private static readonly DutyStatus[] Open = [DutyStatus.Assigned, DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Blocked];

    /// <summary>A fresh volunteer of the given neighbourhood: a resident with no sign-up yet, signed up through the real command.</summary>
    private async Task<int> NewVolunteerAsync(int neighbourhoodId, bool contacted)
    {
        var mobile = await App.ReadAsync(db => db.Residents.Where(r => r.NeighbourhoodId == neighbourhoodId && !db.Volunteers.Any(v => v.ResidentId == r.Id))
            .OrderBy(r => r.Id).Select(r => r.Mobile).FirstAsync());
        var id = await App.SendAsync<int>(await App.ResidentPrincipalAsync(mobile), new SignUpAsVolunteer(VolunteerSkill.Nursing | VolunteerSkill.Driving, 8, Weekdays.Monday, null));
        if (contacted) await App.SendAsync<Unit>(await As("facilitator.pardisan"), new ChangeVolunteerStatus(id, VolunteerStatus.Contacted));
        return id;
    }

    /// <summary>A duty in one of the Pardisan centre's neighbourhoods, in one of the statuses, with its neighbourhood.</summary>
    private Task<(int Id, int NeighbourhoodId)> PardisanDutyAsync(params DutyStatus[] statuses) => App.ReadAsync(async db =>
    {
        var duty = await db.Duties.Where(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.Centre!.NameEn.Contains("Pardisan")) && statuses.Contains(d.Status))
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.NeighbourhoodId }).FirstAsync();
        return (duty.Id, duty.NeighbourhoodId);
    });

    private Task<int> VolunteerOfCentreAsync(string centreEn) => App.ReadAsync(db => db.Volunteers
        .Where(v => db.Neighbourhoods.Any(n => n.Id == v.NeighbourhoodId && n.Centre!.NameEn.Contains(centreEn)))
        .Select(v => v.Id).FirstAsync());

    [Fact]
    public async Task A_facilitator_contacts_a_volunteer_and_the_change_keeps_who_and_when()
    {
        var id = await NewVolunteerAsync((await PardisanDutyAsync(Open)).NeighbourhoodId, contacted: true);

        var last = await App.ReadAsync(db => db.VolunteerStatusChanges.Where(c => c.VolunteerId == id).OrderBy(c => c.Id).LastAsync());
        var facilitatorId = int.Parse((await As("facilitator.pardisan")).FindFirstValue(ClaimTypes.NameIdentifier)!);
        Assert.Equal((VolunteerStatus.Registered, VolunteerStatus.Contacted, facilitatorId), (last.From, last.To, last.ByUserId));
        Assert.Equal(App.Clock.Now, last.At, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_placed_volunteer_becomes_active_sees_the_placement_and_the_agency_manager_sees_them()
    {
        var duty = await App.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && Open.Contains(d.Status)
            && db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.Centre!.NameEn.Contains("Pardisan"))).Select(d => new { d.Id, d.NeighbourhoodId }).FirstAsync());
        var dutyId = duty.Id;
        var id = await NewVolunteerAsync(duty.NeighbourhoodId, contacted: true);

        await App.SendAsync<int>(await As("facilitator.pardisan"), new PlaceVolunteer(id, dutyId, null));

        Assert.Equal(VolunteerStatus.Active, await App.ReadAsync(db => db.Volunteers.Where(v => v.Id == id).Select(v => v.Status).SingleAsync()));
        var mobile = await App.ReadAsync(db => db.Volunteers.Where(v => v.Id == id).Select(v => v.Resident!.Mobile).SingleAsync());
        var mine = await App.SendAsync<MyVolunteering>(await App.ResidentPrincipalAsync(mobile), new GetMyVolunteering());
        Assert.True(Assert.Single(mine.Placements).IsDuty);
        var agency = await App.SendAsync<IReadOnlyList<AgencyVolunteerRow>>(await As("agency.qom.welfare"), new GetAgencyVolunteers());
        Assert.Contains(agency, r => r.DutyId == dutyId);
        var other = await App.SendAsync<IReadOnlyList<AgencyVolunteerRow>>(await As("agency.qom.municipality"), new GetAgencyVolunteers());
        Assert.DoesNotContain(other, r => r.DutyId == dutyId);
    }

    [Fact]
    public async Task A_placement_on_a_closed_duty_is_refused_and_nothing_is_written()
    {
        var (closed, neighbourhoodId) = await PardisanDutyAsync(DutyStatus.Done, DutyStatus.Declined);
        var id = await NewVolunteerAsync(neighbourhoodId, contacted: true);
        var before = await WrittenAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<int>(await As("facilitator.pardisan"), new PlaceVolunteer(id, closed, null)));

        Assert.Contains("بسته", refused.Message);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_volunteer_placed_twice_on_one_duty_is_refused_and_a_registered_one_must_be_contacted_first()
    {
        var (duty, neighbourhoodId) = await PardisanDutyAsync(Open);
        var contacted = await NewVolunteerAsync(neighbourhoodId, contacted: true);
        var registered = await NewVolunteerAsync(neighbourhoodId, contacted: false);
        var facilitator = await As("facilitator.pardisan");
        await App.SendAsync<int>(facilitator, new PlaceVolunteer(contacted, duty, null));
        var before = await WrittenAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(contacted, duty, null)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(registered, duty, null)));
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_facilitator_of_another_centre_can_neither_contact_nor_place_nor_list_a_pardisan_volunteer()
    {
        var (duty, neighbourhoodId) = await PardisanDutyAsync(Open);
        var id = await NewVolunteerAsync(neighbourhoodId, contacted: true);
        var sari = await As("facilitator.sari");
        var before = await WrittenAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(sari, new ChangeVolunteerStatus(id, VolunteerStatus.Inactive)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(sari, new PlaceVolunteer(id, duty, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<PlacementCandidates>(sari, new GetPlacementCandidates(duty, null)));
        Assert.DoesNotContain((await App.SendAsync<VolunteerRoster>(sari, new GetVolunteerRoster(PageSize: 100))).Volunteers, v => v.Id == id);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task Tampered_ids_placing_a_volunteer_from_outside_the_scope_or_on_a_duty_outside_it_are_refused_and_nothing_is_written()
    {
        var (ownDuty, neighbourhoodId) = await PardisanDutyAsync(Open);
        var own = await NewVolunteerAsync(neighbourhoodId, contacted: true);
        var sariVolunteer = await VolunteerOfCentreAsync("Sarvineh");
        var foreignDuty = await ForeignDutyAsync();
        var facilitator = await As("facilitator.pardisan");
        var before = await WrittenAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(sariVolunteer, ownDuty, null)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(own, foreignDuty, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(own, 999_999, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<Unit>(facilitator, new ChangeVolunteerStatus(999_999, VolunteerStatus.Contacted)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(own, ownDuty, 1)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(facilitator, new ChangeVolunteerStatus(own, (VolunteerStatus)9)));
        Assert.Equal(before, await WrittenAsync());
    }

    /// <summary>The demo country's duties all sit in Qom; one in Sari is made here, as a facilitator there would.</summary>
    private Task<int> ForeignDutyAsync() => App.ReadAsync(async db =>
    {
        var place = await db.Neighbourhoods.Where(n => n.Centre!.NameEn.Contains("Sarvineh")).Select(n => new { n.Id, n.County!.ProvinceId }).FirstAsync();
        var agency = await db.Agencies.Where(a => a.ProvinceId == place.ProvinceId).Select(a => a.Id).FirstAsync();
        var duty = new Duty(agency, place.Id, null, "پاک‌سازی پارک", "", DateOnly.FromDateTime(App.Clock.Now.UtcDateTime).AddDays(30), 1, App.Clock.Now);
        db.Duties.Add(duty);
        await db.SaveChangesAsync();
        return duty.Id;
    });

    [Theory]
    [InlineData("agency.qom.welfare")]
    [InlineData("ministry")]
    public async Task Roles_without_a_facilitators_desk_cannot_change_or_place(string userName)
    {
        var id = await VolunteerOfCentreAsync("Pardisan");
        var before = await WrittenAsync();
        var user = await As(userName);
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(user, new ChangeVolunteerStatus(id, VolunteerStatus.Inactive)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<VolunteerRoster>(user, new GetVolunteerRoster(PageSize: 100)));
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_resident_cannot_change_a_volunteers_status()
    {
        var id = await VolunteerOfCentreAsync("Pardisan");
        var before = await WrittenAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<Unit>(await App.ResidentPrincipalAsync("09120000001"), new ChangeVolunteerStatus(id, VolunteerStatus.Inactive)));
        Assert.Equal(before, await WrittenAsync());
    }
}
