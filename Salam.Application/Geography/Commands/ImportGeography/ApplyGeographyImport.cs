using Mediator;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;

namespace Salam.Application.Geography.Commands.ImportGeography;

/// <summary>
/// The administrator applies a geography file: its accepted rows (new places, new names by code) in one transaction, or none;
/// the refused rows change nothing. The same file again changes nothing, and writes nothing to the audit log.
/// </summary>
[AllowedRoles(Role.Admin)]
public sealed record ApplyGeographyImport(byte[] File) : ICommand<GeographyImportReport>, INationalScoped, IGeographyFile;

public sealed class ApplyGeographyImportValidator : GeographyFileValidator<ApplyGeographyImport>;

public sealed class ApplyGeographyImportHandler(ISalamDbContext db) : ICommandHandler<ApplyGeographyImport, GeographyImportReport>
{
    public async ValueTask<GeographyImportReport> Handle(ApplyGeographyImport command, CancellationToken cancellationToken) =>
        await new GeographyImport(db).ApplyAsync(GeographyCsv.Parse(command.File), cancellationToken);
}
