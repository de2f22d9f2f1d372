using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Time;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Common;

namespace Salam.Application.Campaigns.Commands.ReceiveDonation;

/// <summary>A pledge arrives: its receipt number (unique per centre) and the day, inside the campaign's window.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ReceiveDonation(int DonationId, Guid Version, string ReceiptNumber, DateOnly On) : ICommand<DonationWritten>, IDonationScoped;

/// <summary>A pledge that will not come is cancelled, with a reason.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CancelPledge(int DonationId, Guid Version, string Reason) : ICommand<DonationWritten>, IDonationScoped;

public sealed class ReceiveDonationHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<ReceiveDonation, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(ReceiveDonation command, CancellationToken cancellationToken)
    {
        if (command.On > clock.Today()) throw new RequestRefusedException(Text.Get("Donation.DayInFuture"));
        var donation = await db.FindDonationAsync(command.DonationId, cancellationToken);
        donation.EnsureSeen(command.Version);
        var campaign = await db.FindCampaignAsync(donation.CampaignId, cancellationToken);
        donation.Receive(campaign, command.ReceiptNumber, command.On, clock.GetUtcNow());
        await db.EnsureReceiptFreeAsync(donation.CentreId, donation.ReceiptNumber!, cancellationToken);
        return await db.SaveDonationAsync(donation, cancellationToken);
    }
}

public sealed class CancelPledgeHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<CancelPledge, DonationWritten>
{
    public async ValueTask<DonationWritten> Handle(CancelPledge command, CancellationToken cancellationToken)
    {
        var donation = await db.FindDonationAsync(command.DonationId, cancellationToken);
        donation.EnsureSeen(command.Version);
        donation.Cancel(command.Reason, clock.GetUtcNow());
        return await db.SaveDonationAsync(donation, cancellationToken);
    }
}
