using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Domain.Campaigns;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.RecordDonation;

/// <summary>A centre's facilitator records a pledge or a gift for a campaign their centre takes part in.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record RecordDonation(int CampaignId, int CentreId, DonationInput Donation) : ICommand<DonationWritten>, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Campaign(CampaignId), ScopeTarget.CentreDesk(CentreId)];
}

public sealed class RecordDonationHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RecordDonation, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(RecordDonation command, CancellationToken cancellationToken)
    {
        var input = command.Donation;
        if (input.On > clock.Today()) throw new RequestRefusedException(Text.Get("Donation.DayInFuture"));
        var campaign = await db.FindCampaignAsync(command.CampaignId, cancellationToken);
        var provinceId = await db.Centres.Where(c => c.Id == command.CentreId).Select(c => c.ProvinceId).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var by = user.UserId ?? 0;
        var donation = input.Received
            ? Donation.Receipt(campaign, command.CentreId, provinceId, input.DonorKind, input.DonorName, input.Anonymous, input.Kind, input.Item, input.Amount,
                input.ReceiptNumber ?? "", input.On, by, now)
            : Donation.Pledge(campaign, command.CentreId, provinceId, input.DonorKind, input.DonorName, input.Anonymous, input.Kind, input.Item, input.Amount,
                input.On, by, now);
        if (donation.ReceiptNumber is { } receipt) await db.EnsureReceiptFreeAsync(command.CentreId, receipt, cancellationToken);
        db.Donations.Add(donation);
        return await db.SaveDonationAsync(donation, cancellationToken);
    }
}
