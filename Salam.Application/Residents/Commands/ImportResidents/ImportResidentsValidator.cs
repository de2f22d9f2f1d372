using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Residents.Commands.ImportResidents;

public sealed class ImportResidentsValidator : AbstractValidator<ImportResidents>
{
    public ImportResidentsValidator()
    {
        // Checked before a byte is parsed: the size is known from the array, whatever sent it.
        RuleFor(c => c.File).Must(file => file.Length <= ResidentCsv.MaxBytes)
            .WithMessage(_ => Text.Get("Import.TooLarge", ResidentCsv.MaxBytes / (1024 * 1024)));
    }
}
