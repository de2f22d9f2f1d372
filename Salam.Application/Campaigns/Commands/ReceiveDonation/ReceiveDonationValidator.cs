using FluentValidation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Commands.ReceiveDonation;

public sealed class ReceiveDonationValidator : AbstractValidator<ReceiveDonation>
{
    public ReceiveDonationValidator()
    {
        this.DonationVersionRule(c => c.Version);
        RuleFor(c => c.ReceiptNumber).ReceiptRules();
    }
}

public sealed class CancelPledgeValidator : AbstractValidator<CancelPledge>
{
    public CancelPledgeValidator()
    {
        this.DonationVersionRule(c => c.Version);
        RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
            .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Text.Get("Donation.ReasonRequired"))
            .Must(r => r.Trim().Length <= Donation.MaxReasonLength).WithMessage(_ => Text.Get("Donation.ReasonTooLong", Donation.MaxReasonLength));
    }
}
