using FluentValidation;
using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;

namespace Salam.Application.Geography.Commands.ImportGeography;

/// <summary>The administrator checks a geography file: every row marked new, renamed, unchanged or refused with its reason. Writes nothing.</summary>
[AllowedRoles(Role.Admin)]
public sealed record PreviewGeographyImport(byte[] File) : IQuery<GeographyImportReport>, INationalScoped, IGeographyFile;

public sealed class PreviewGeographyImportHandler(ISalamDbContext db) : IQueryHandler<PreviewGeographyImport, GeographyImportReport>
{
    public async ValueTask<GeographyImportReport> Handle(PreviewGeographyImport query, CancellationToken cancellationToken) =>
        await new GeographyImport(db).PreviewAsync(GeographyCsv.Parse(query.File), cancellationToken);
}

/// <summary>A request that carries a geography file.</summary>
public interface IGeographyFile
{
    byte[] File { get; }
}

/// <summary>Checked before a byte is parsed: the size is known from the array, whatever sent it.</summary>
public abstract class GeographyFileValidator<T> : AbstractValidator<T> where T : IGeographyFile
{
    protected GeographyFileValidator() =>
        RuleFor(c => c.File).Must(file => file is not null && file.Length <= GeographyCsv.MaxBytes)
            .WithMessage(_ => Text.Get("Import.TooLarge", GeographyCsv.MaxBytes / (1024 * 1024)));
}

public sealed class PreviewGeographyImportValidator : GeographyFileValidator<PreviewGeographyImport>;
