using System.Security.Claims;
using Salam.Application.Common.Exceptions;
using Salam.Application.Shifts.Commands.BookShift;
using Salam.Application.Shifts.Commands.CreateNationalEvent;
using Salam.Application.Shifts.Commands.CreateShift;
using Salam.Application.Shifts.Commands.RecordAttendance;
using Salam.Application.Shifts.Common;
using Salam.Application.Shifts.Queries.GetMyShifts;
using Salam.Application.Shifts.Queries.GetNationalEvents;
using Salam.Application.Shifts.Queries.GetShift;
using Salam.Application.Shifts.Queries.GetShiftChoices;
using Salam.Application.Shifts.Queries.GetShifts;
using Salam.Domain.People;
using Salam.Domain.Shifts;
using static Salam.Application.Tests.Shifts.ShiftScene;

namespace Salam.Application.Tests.Shifts;

/// <summary>Who reaches which shift: another centre, another province, tampered shift and volunteer ids, residents elsewhere, agency managers.</summary>
public sealed class ShiftScopeTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task RefusedAsync<TException, T>(ClaimsPrincipal user, Mediator.IMessage request) where TException : RequestRefusedException
    {
        var before = await FingerprintAsync(App);
        await Assert.ThrowsAsync<TException>(async () => await App.SendAsync<T>(user, request));
        Assert.Equal(before, await FingerprintAsync(App));
    }

    [Fact]
    public async Task Another_centres_facilitator_and_another_provinces_officer_reach_neither_the_shift_nor_its_centre()
    {
        var p = await PlacesAsync(App);
        var shift = await CreateAsync(App, p.PardisanCentre, p.Pardisan, Draft(App, inHours: 1, hours: 1));
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var mazandaran = await App.PrincipalOfAsync("officer.mazandaran");
        var (volunteer, _) = await VolunteerAsync(App, p.Pardisan);
        var (sariVolunteer, _) = await VolunteerAsync(App, p.MazandaranNeighbourhood);

        await RefusedAsync<ForbiddenException, ShiftWritten>(sari, new CreateShift(p.PardisanCentre, null, Draft(App), ShiftLink.None));
        await RefusedAsync<ForbiddenException, ShiftWritten>(sari, new ReviseShift(shift.ShiftId, shift.Version, Draft(App)));
        await RefusedAsync<ForbiddenException, ShiftWritten>(sari, new AssignToShift(shift.ShiftId, sariVolunteer));
        await RefusedAsync<ForbiddenException, ShiftWritten>(sari, new RemoveFromShift(shift.ShiftId, volunteer));
        await RefusedAsync<ForbiddenException, ShiftWritten>(sari, new RecordAttendance(shift.ShiftId, shift.Version, []));
        await RefusedAsync<ForbiddenException, ShiftPage>(sari, new GetShift(shift.ShiftId));
        await RefusedAsync<ForbiddenException, IReadOnlyList<ShiftLine>>(sari, new GetShifts(p.PardisanCentre));
        await RefusedAsync<ForbiddenException, ShiftChoices>(sari, new GetShiftChoices(p.PardisanCentre));
        await RefusedAsync<ForbiddenException, ShiftPage>(mazandaran, new GetShift(shift.ShiftId));
        await RefusedAsync<ForbiddenException, IReadOnlyList<ShiftLine>>(mazandaran, new GetShifts(p.PardisanCentre));

        // The province's own officer and the ministry read it; the facilitator of a neighbouring centre of the same province does not own it.
        Assert.Equal(shift.ShiftId, (await App.SendAsync<ShiftPage>(await App.PrincipalOfAsync("officer.qom"), new GetShift(shift.ShiftId))).Line.ShiftId);
        Assert.Contains(shift.ShiftId, (await App.SendAsync<IReadOnlyList<ShiftLine>>(await Ministry(App), new GetShifts(p.PardisanCentre))).Select(l => l.ShiftId));
    }

    [Fact]
    public async Task Tampered_ids_a_volunteer_of_another_centre_or_province_and_a_shift_that_does_not_exist_are_refused_and_nothing_is_written()
    {
        var p = await PlacesAsync(App);
        var facilitator = await Facilitator(App);
        var shift = await CreateAsync(App, p.PardisanCentre, null);
        var (safashahr, _) = await VolunteerAsync(App, p.Safashahr);
        var (sari, _) = await VolunteerAsync(App, p.MazandaranNeighbourhood);

        await RefusedAsync<ForbiddenException, ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, safashahr));
        await RefusedAsync<ForbiddenException, ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, sari));
        await RefusedAsync<NotFoundException, ShiftWritten>(facilitator, new AssignToShift(shift.ShiftId, 9_999_999));
        await RefusedAsync<NotFoundException, ShiftWritten>(facilitator, new AssignToShift(9_999_999, safashahr));
        await RefusedAsync<NotFoundException, ShiftPage>(facilitator, new GetShift(9_999_999));
        // A centre the facilitator does not work at, even in their own province.
        await RefusedAsync<ForbiddenException, ShiftWritten>(facilitator, new CreateShift(p.SafashahrCentre, null, Draft(App), ShiftLink.None));
        await RefusedAsync<ForbiddenException, IReadOnlyList<ShiftLine>>(facilitator, new GetShifts(p.SafashahrCentre));
    }

    [Fact]
    public async Task A_resident_of_another_neighbourhood_or_centre_cannot_sign_up_and_no_resident_reads_the_staff_pages()
    {
        var p = await PlacesAsync(App);
        var pardisanOnly = await CreateAsync(App, p.PardisanCentre, p.Pardisan);
        var centreWide = await CreateAsync(App, p.PardisanCentre, null, Draft(App, inHours: 200));
        var (_, qods) = await VolunteerAsync(App, p.Qods);
        var (_, safashahr) = await VolunteerAsync(App, p.Safashahr);

        await RefusedAsync<ForbiddenException, ShiftWritten>(qods, new SignUpForShift(pardisanOnly.ShiftId));
        await RefusedAsync<ForbiddenException, ShiftWritten>(safashahr, new SignUpForShift(centreWide.ShiftId));
        await RefusedAsync<ForbiddenException, ShiftWritten>(safashahr, new LeaveShift(centreWide.ShiftId));
        await RefusedAsync<ForbiddenException, ShiftPage>(qods, new GetShift(centreWide.ShiftId));
        await RefusedAsync<ForbiddenException, ShiftWritten>(qods, new AssignToShift(centreWide.ShiftId, 1));
        // A centre-wide shift is open to every neighbourhood the centre serves.
        await SignUpAsync(App, qods, centreWide.ShiftId);
        // And the other centre's volunteer does not see it among their open shifts.
        Assert.DoesNotContain(centreWide.ShiftId, (await App.SendAsync<MyShifts>(safashahr, new GetMyShifts())).Open.Select(s => s.ShiftId));
    }

    [Fact]
    public async Task Agency_managers_officers_and_ministry_staff_send_none_of_a_facilitators_or_a_residents_shift_requests()
    {
        var p = await PlacesAsync(App);
        var shift = await CreateAsync(App, p.PardisanCentre, null);
        var (volunteer, _) = await VolunteerAsync(App, p.Pardisan);
        var manager = await App.PrincipalOfAsync("agency.qom.welfare");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var ministry = await Ministry(App);

        foreach (var user in new[] { manager, officer, ministry })
        {
            await RefusedAsync<ForbiddenException, ShiftWritten>(user, new CreateShift(p.PardisanCentre, null, Draft(App), ShiftLink.None));
            await RefusedAsync<ForbiddenException, ShiftWritten>(user, new AssignToShift(shift.ShiftId, volunteer));
            await RefusedAsync<ForbiddenException, ShiftWritten>(user, new SignUpForShift(shift.ShiftId));
        }
        await RefusedAsync<ForbiddenException, ShiftPage>(manager, new GetShift(shift.ShiftId));
        await RefusedAsync<ForbiddenException, IReadOnlyList<ShiftLine>>(manager, new GetShifts(p.PardisanCentre));
        await RefusedAsync<ForbiddenException, IReadOnlyList<NationalEventLine>>(officer, new GetNationalEvents());
        var day = App.Clock.GetUtcNow().AddDays(40);
        foreach (var user in new[] { manager, officer, await Facilitator(App) })
            await RefusedAsync<ForbiddenException, NationalEventCreated>(user, new CreateNationalEvent("روز گفت‌وگو", "سالن مرکز", day, day.AddHours(3), VolunteerSkill.None, 10));
    }
}
