using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Rounds;

namespace Salam.Application.Rounds.PaperBatches.OpenPaperBatch;

public sealed class OpenPaperBatchValidator : AbstractValidator<OpenPaperBatch>
{
    public OpenPaperBatchValidator() =>
        RuleFor(c => c.DeclaredSheets).InclusiveBetween(1, PaperBatch.MaxSheets)
            .WithMessage(_ => Text.Get("PaperBatch.DeclaredOutOfRange", 1, PaperBatch.MaxSheets));
}
