using Microsoft.EntityFrameworkCore;
using Salam.Application.Centres.Queries.GetCentres;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Queries.GetAssignablePlaces;
using Salam.Application.Geography.Commands.SetPlaceActive;
using Salam.Application.Geography.Common;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Queries.GetNeighbourhoodRounds;
using Salam.Domain.Audit;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A deactivated neighbourhood (or county) keeps its history but takes no new round or duty, and is offered for none.</summary>
public sealed class PlaceDeactivationTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<string> WorkFingerprintAsync() => _app.ReadAsync(async db =>
        $"{await db.PriorityRounds.CountAsync()}|{string.Join(',', await db.PriorityRounds.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync())}|{await db.Duties.CountAsync()}");

    private async Task<int> ApprovedNeedAsync(int neighbourhoodId)
    {
        var id = await _app.SendAsync<int>(await _app.NewResidentAsync(neighbourhoodId), new ProposeNeed(neighbourhoodId, "پیاده‌روی امن", "", NeedCategory.Safety, null));
        await _app.SendAsync<NeedStatus>(await _app.PrincipalOfAsync("facilitator.pardisan"), new ModerateNeed(id, Moderation.Approve));
        return id;
    }

    private CreateRound NewRound(int neighbourhoodId, int needId) =>
        new(neighbourhoodId, "دور تازه", _app.Clock.GetUtcNow(), _app.Clock.GetUtcNow().AddDays(3), 3, [needId]);

    private async Task RefusedAsInactiveAsync(string userName, Mediator.IMessage request)
    {
        var before = await WorkFingerprintAsync();
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await _app.SendAsync<object>(await _app.PrincipalOfAsync(userName), request));
        Assert.Equal(Text.Get("Geography.NeighbourhoodInactive"), refused.Message);
        Assert.Equal(before, await WorkFingerprintAsync());
    }

    [Fact]
    public async Task A_deactivated_neighbourhood_refuses_new_rounds_and_duties_is_offered_for_none_and_keeps_its_rounds_readable()
    {
        var (admin, facilitator) = (await _app.PrincipalOfAsync("admin"), await _app.PrincipalOfAsync("facilitator.pardisan"));
        var qods = await _app.NeighbourhoodAsync("Shahrak-e Qods");
        var need = await ApprovedNeedAsync(qods);
        var drafted = await _app.SendAsync<int>(facilitator, NewRound(qods, need));
        var welfare = await _app.ReadAsync(db => db.Agencies.Where(a => a.NameEn == WelfareDuties.Agency).Select(a => a.Id).SingleAsync());
        var since = await _app.LastAuditEventAsync();

        await _app.SendAsync<Mediator.Unit>(admin, new SetPlaceActive(PlaceLevel.Neighbourhood, qods, false));

        var audit = await _app.ReadAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id > since));
        Assert.Equal(("Neighbourhood", qods, AuditAction.Changed), (audit.Kind, audit.SubjectId, audit.Action));
        await RefusedAsInactiveAsync("facilitator.pardisan", NewRound(qods, need));
        await RefusedAsInactiveAsync("facilitator.pardisan", new OpenRound(drafted));
        await RefusedAsInactiveAsync("facilitator.pardisan", new AssignDuty(qods, welfare, null, "کار تازه", "", _app.Clock.Today().AddDays(10)));
        await RefusedAsInactiveAsync("officer.qom", new AssignDuty(qods, welfare, null, "کار تازه", "", _app.Clock.Today().AddDays(10)));

        var assignable = await _app.SendAsync<IReadOnlyList<AssignablePlace>>(await _app.PrincipalOfAsync("officer.qom"), new GetAssignablePlaces());
        Assert.DoesNotContain(assignable, p => p.Id == qods);
        var pardisan = await _app.NeighbourhoodAsync("Pardisan");
        Assert.Contains(assignable, p => p.Id == pardisan);
        var centres = await _app.SendAsync<CentreList>(admin, new GetCentres(await _app.ProvinceAsync("Qom")));
        Assert.False(centres.Neighbourhoods.Single(n => n.Id == qods).InService);
        var rounds = await _app.SendAsync<NeighbourhoodRounds>(facilitator, new GetNeighbourhoodRounds(qods));
        Assert.Contains(rounds.Rounds, r => r.Id == drafted && r.Status == RoundStatus.Draft);

        await _app.SendAsync<Mediator.Unit>(admin, new SetPlaceActive(PlaceLevel.Neighbourhood, qods, true));
        Assert.Equal(RoundStatus.Open, await _app.SendAsync<RoundStatus>(facilitator, new OpenRound(drafted)));
    }

    [Fact]
    public async Task A_deactivated_county_takes_its_neighbourhoods_out_of_new_work_until_it_is_reactivated()
    {
        var (admin, facilitator) = (await _app.PrincipalOfAsync("admin"), await _app.PrincipalOfAsync("facilitator.pardisan"));
        var qods = await _app.NeighbourhoodAsync("Shahrak-e Qods");
        var county = await _app.ReadAsync(db => db.Neighbourhoods.Where(n => n.Id == qods).Select(n => n.CountyId).SingleAsync());
        var need = await ApprovedNeedAsync(qods);

        await _app.SendAsync<Mediator.Unit>(admin, new SetPlaceActive(PlaceLevel.County, county, false));
        await RefusedAsInactiveAsync("facilitator.pardisan", NewRound(qods, need));
        Assert.DoesNotContain(await _app.SendAsync<IReadOnlyList<AssignablePlace>>(facilitator, new GetAssignablePlaces()), p => p.Id == qods);

        await _app.SendAsync<Mediator.Unit>(admin, new SetPlaceActive(PlaceLevel.County, county, true));
        Assert.True(await _app.SendAsync<int>(facilitator, NewRound(qods, need)) > 0);
    }

    [Theory]
    [InlineData("officer.qom")]
    [InlineData("facilitator.pardisan")]
    public async Task Only_the_administrator_deactivates_a_place(string userName)
    {
        var qods = await _app.NeighbourhoodAsync("Shahrak-e Qods");
        var before = await _app.GeographyFingerprintAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<Mediator.Unit>(await _app.PrincipalOfAsync(userName), new SetPlaceActive(PlaceLevel.Neighbourhood, qods, false)));
        Assert.Equal(before, await _app.GeographyFingerprintAsync());
    }
}
