using FluentValidation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Commands.RecordDonation;

public sealed class RecordDonationValidator : AbstractValidator<RecordDonation>
{
    public RecordDonationValidator() => RuleFor(c => c.Donation).SetValidator(new DonationInputValidator());
}

/// <summary>A pledge or gift as typed: who, what, how much (whole, above zero) and, when in hand, its receipt number.</summary>
public sealed class DonationInputValidator : AbstractValidator<DonationInput>
{
    public DonationInputValidator()
    {
        RuleFor(d => d.DonorKind).IsInEnum().WithMessage(_ => Text.Get("Donation.DonorKindInvalid"));
        RuleFor(d => d.Kind).IsInEnum().WithMessage(_ => Text.Get("Donation.KindInvalid"));
        RuleFor(d => d.DonorName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Text.Get("Donation.DonorNameRequired"))
            .Must(n => n.Trim().Length <= Donation.MaxDonorNameLength).WithMessage(_ => Text.Get("Donation.DonorNameTooLong", Donation.MaxDonorNameLength));
        RuleFor(d => d.Item).Cascade(CascadeMode.Stop)
            .Must((d, item) => (d.Kind == DonationKind.InKind) == (item is not null)).WithMessage(_ => Text.Get("Donation.ItemOnlyForInKind"))
            .Must(item => item is null || Enum.IsDefined(item.Value)).WithMessage(_ => Text.Get("Donation.ItemInvalid"));
        RuleFor(d => d.Amount).Cascade(CascadeMode.Stop)
            .GreaterThan(0).WithMessage(_ => Text.Get("Donation.AmountNotPositive"))
            .Must((d, amount) => amount <= Donation.MaxAmountOf(d.Kind)).WithMessage(_ => Text.Get("Donation.AmountTooLarge"));
        When(d => d.Received, () => RuleFor(d => d.ReceiptNumber!).ReceiptRules());
    }
}
