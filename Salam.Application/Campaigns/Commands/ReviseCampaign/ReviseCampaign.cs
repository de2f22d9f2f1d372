using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.ReviseCampaign;

/// <summary>Renames, moves the window, resets goals and centres; an officer revises only their province's campaigns, never a national one.</summary>
[AllowedRoles(Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record ReviseCampaign(int CampaignId, Guid Version, CampaignDraft Draft) : ICommand<CampaignWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Campaign(CampaignId), .. Draft.CentreIds.Select(ScopeTarget.CentreDesk)];
}

public sealed class ReviseCampaignHandler(ISalamDbContext db, ScopeGuard scope) : ICommandHandler<ReviseCampaign, CampaignWritten>
{
    public async ValueTask<CampaignWritten> Handle(ReviseCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await db.FindCampaignAsync(command.CampaignId, cancellationToken, tracked: true);
        // An officer reads the national campaigns (their centres take part) but only the ministry changes them.
        if (campaign.IsNational && !scope.IsNational) throw new ForbiddenException(Text.Get("Campaign.NationalOnlyByMinistry"));
        campaign.EnsureSeen(command.Version);
        var draft = command.Draft;
        var place = CampaignPlace.Of(campaign);
        await db.EnsureCentresInAsync(place, draft.CentreIds, cancellationToken);
        await EnsureDonationsStayAsync(campaign.Id, draft, cancellationToken);
        campaign.Revise(draft.Name, draft.Description, draft.StartsOn, draft.EndsOn, draft.GoalRials,
            [.. draft.ItemGoals.Select(g => new CampaignItemGoal(g.Item, g.Count))], draft.CentreIds);
        return await db.SaveCampaignAsync(campaign, cancellationToken);
    }

    /// <summary>Donations recorded stay inside the campaign: their centre keeps taking part, and their days stay in the window.</summary>
    private async Task EnsureDonationsStayAsync(int campaignId, CampaignDraft draft, CancellationToken cancellationToken)
    {
        var centres = draft.CentreIds.ToList();
        var dropped = await db.Donations.Where(d => d.CampaignId == campaignId && !centres.Contains(d.CentreId)).Select(d => (int?)d.CentreId)
            .FirstOrDefaultAsync(cancellationToken);
        if (dropped is { } centre) throw new RequestRefusedException(Text.Get("Campaign.CentreHasDonations", await db.CentreNameAsync(centre, cancellationToken)));
        if (await db.Donations.AnyAsync(d => d.CampaignId == campaignId
                && (d.PledgedOn < draft.StartsOn || d.PledgedOn > draft.EndsOn || d.ReceivedOn < draft.StartsOn || d.ReceivedOn > draft.EndsOn), cancellationToken))
            throw new RequestRefusedException(Text.Get("Campaign.DonationsOutsideWindow"));
    }
}
