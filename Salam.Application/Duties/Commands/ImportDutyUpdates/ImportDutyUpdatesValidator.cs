using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Duties.Commands.ImportDutyUpdates;

public sealed class ImportDutyUpdatesValidator : AbstractValidator<ImportDutyUpdates>
{
    public ImportDutyUpdatesValidator()
    {
        // Checked before a byte is parsed: the size is known from the array, whatever sent it.
        RuleFor(c => c.File).Must(file => file.Length <= DutyCsv.MaxBytes)
            .WithMessage(_ => Text.Get("Import.TooLarge", DutyCsv.MaxBytes / (1024 * 1024)));
    }
}
