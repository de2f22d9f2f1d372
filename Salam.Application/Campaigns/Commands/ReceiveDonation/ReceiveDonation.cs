using Mediator;
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

public sealed class ReceiveDonationHandler : ICommandHandler<ReceiveDonation, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(ReceiveDonation command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}

public sealed class CancelPledgeHandler : ICommandHandler<CancelPledge, DonationWritten>
{
    public ValueTask<DonationWritten> Handle(CancelPledge command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
