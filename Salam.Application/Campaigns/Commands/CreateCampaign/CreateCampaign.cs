using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Commands.CreateCampaign;

/// <summary>
/// A provincial officer creates a campaign in their province (province, county or chosen neighbourhoods); ministry staff create
/// national ones or any. The centres taking part must lie inside the scope.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record CreateCampaign(CampaignDraft Draft, CampaignScope Scope, int? ProvinceId, int? CountyId, IReadOnlyList<int> NeighbourhoodIds)
    : ICommand<CampaignWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() =>
        [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Nation,
            .. ScopeTarget.IfAny(CountyId, ScopeTarget.County),
            .. NeighbourhoodIds.Select(ScopeTarget.Neighbourhood),
            .. Draft.CentreIds.Select(ScopeTarget.CentreDesk)];
}

public sealed class CreateCampaignHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateCampaign, CampaignWritten>
{
    public async ValueTask<CampaignWritten> Handle(CreateCampaign command, CancellationToken cancellationToken)
    {
        var draft = command.Draft;
        var place = new CampaignPlace(command.Scope, command.ProvinceId, command.CountyId, command.NeighbourhoodIds);
        // The entity checks the places fit the scope; built first so a misfit is refused before anything is read.
        var campaign = new Campaign(draft.Name, draft.Description, draft.StartsOn, draft.EndsOn, command.Scope, command.ProvinceId, command.CountyId,
            command.NeighbourhoodIds, draft.GoalRials, [.. draft.ItemGoals.Select(g => new CampaignItemGoal(g.Item, g.Count))], draft.CentreIds,
            user.UserId ?? 0, clock.GetUtcNow());
        await db.EnsurePlacesInProvinceAsync(place, cancellationToken);
        await db.EnsureCentresInAsync(place, draft.CentreIds, cancellationToken);
        db.Campaigns.Add(campaign);
        return await db.SaveCampaignAsync(campaign, cancellationToken);
    }
}
