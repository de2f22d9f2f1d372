using FluentValidation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Commands.AllocateDonation;

public sealed class AllocateDonationValidator : AbstractValidator<AllocateDonation>
{
    public AllocateDonationValidator()
    {
        this.DonationVersionRule(c => c.Version);
        RuleFor(c => c.Amount).GreaterThan(0).WithMessage(_ => Text.Get("Allocation.AmountNotPositive"));
        RuleFor(c => c.DutyId).Null().When(c => c.NeedId is not null).WithMessage(_ => Text.Get("Allocation.NeedOrDuty"));
        RuleFor(c => c.Note).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Text.Get("Allocation.NoteRequired"))
            .Must(n => n.Trim().Length <= Allocation.MaxNoteLength).WithMessage(_ => Text.Get("Allocation.NoteTooLong", Allocation.MaxNoteLength));
    }
}

public sealed class DeliverAllocationValidator : AbstractValidator<DeliverAllocation>
{
    public DeliverAllocationValidator() => this.DonationVersionRule(c => c.Version);
}

public sealed class LinkAllocationStoryValidator : AbstractValidator<LinkAllocationStory>
{
    public LinkAllocationStoryValidator() => this.DonationVersionRule(c => c.Version);
}
