using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.Geography;
using Salam.Domain.People;

namespace Salam.Application.Geography.Commands.AddPlace;

/// <summary>The administrator adds one province, county (under a province) or neighbourhood (under a county) with a new code.</summary>
[AllowedRoles(Role.Admin)]
public sealed record AddPlace(PlaceLevel Level, int? ParentId, string Code, string NameFa, string? NameEn) : ICommand<int>, INationalScoped, IPlaceNames;

public sealed class AddPlaceValidator : PlaceNamesValidator<AddPlace>
{
    public AddPlaceValidator()
    {
        RuleFor(c => Place.NormaliseCode(c.Code)).NotEmpty().WithName(nameof(AddPlace.Code)).WithMessage(_ => Text.Get("Geography.CodeRequired"))
            .MaximumLength(Place.CodeMaxLength).WithMessage(_ => Text.Get("Geography.CodeTooLong", Place.CodeMaxLength));
        RuleFor(c => c.ParentId).NotNull().When(c => c.Level != PlaceLevel.Province)
            .WithMessage(c => Text.Get("Geography.ParentRequired", PlaceLevels.ParentOf(c.Level) ?? PlaceLevel.Province));
        RuleFor(c => c.ParentId).Null().When(c => c.Level == PlaceLevel.Province).WithMessage(_ => Text.Get("Geography.ProvinceHasNoParent"));
    }
}

public sealed class AddPlaceHandler(ISalamDbContext db) : ICommandHandler<AddPlace, int>
{
    public async ValueTask<int> Handle(AddPlace command, CancellationToken cancellationToken)
    {
        var code = Place.NormaliseCode(command.Code);
        // Codes are the keys an import matches on, so one names one place at one level.
        if (await db.Provinces.AnyAsync(p => p.Code == code, cancellationToken) || await db.Counties.AnyAsync(c => c.Code == code, cancellationToken)
            || await db.Neighbourhoods.AnyAsync(n => n.Code == code, cancellationToken))
            throw new RequestRefusedException(Text.Get("Geography.CodeTaken", code));

        var (nameFa, nameEn) = Places.Names(command);
        var parentId = command.ParentId ?? 0;
        IPlace place = command.Level switch
        {
            PlaceLevel.Province => db.Provinces.Add(new Province(code, nameFa, nameEn)).Entity,
            PlaceLevel.County => await db.Provinces.AnyAsync(p => p.Id == parentId, cancellationToken)
                ? db.Counties.Add(new County(parentId, code, nameFa, nameEn)).Entity
                : throw new NotFoundException(Text.Get("NotFound.Province")),
            _ => await db.Counties.AnyAsync(c => c.Id == parentId, cancellationToken)
                ? db.Neighbourhoods.Add(new Neighbourhood(parentId, code, nameFa, nameEn)).Entity
                : throw new NotFoundException(Text.Get("NotFound.Place")),
        };
        await db.SaveChangesAsync(cancellationToken);
        return place.Id;
    }
}
