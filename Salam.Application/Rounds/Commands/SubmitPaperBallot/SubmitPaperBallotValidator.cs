using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Rounds.Commands.SubmitPaperBallot;

public sealed class SubmitPaperBallotValidator : AbstractValidator<SubmitPaperBallot>
{
    public SubmitPaperBallotValidator()
    {
        RuleFor(c => c.NationalId).Must(id => NationalId.TryParse(id, out _)).WithMessage(_ => Text.Get("NationalId.Invalid"));
        RuleFor(c => c.Mobile).Must(m => MobileNumber.TryParse(m, out _)).WithMessage(_ => Text.Get("Mobile.Invalid"));
        RuleFor(c => c.FullName).NotEmpty().WithMessage(_ => Text.Get("Resident.NameRequired")).MaximumLength(150);
        RuleFor(c => c.RankedNeedIds).NotEmpty().WithMessage(_ => Text.Get("Ballot.Empty"));
    }
}
