using FluentValidation;
using Salam.Application.Common.Localization;

namespace Salam.Application.Common.Paging;

/// <summary>One page of a list read on the server, with how many rows the whole list holds.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The page rules every paged staff list shares: pages count from 0, and no page is larger than the cap.</summary>
public static class Paging
{
    public const int DefaultPageSize = 25;

    /// <summary>A page never carries more than this: a tampered or careless request cannot ask for the whole table.</summary>
    public const int MaxPageSize = 100;

    public static void PageRules<T>(this AbstractValidator<T> validator, Func<T, int> page, Func<T, int> pageSize)
    {
        validator.RuleFor(q => page(q)).GreaterThanOrEqualTo(0).OverridePropertyName("Page").WithMessage(_ => Text.Get("Paging.Page"));
        validator.RuleFor(q => pageSize(q)).InclusiveBetween(1, MaxPageSize).OverridePropertyName("PageSize")
            .WithMessage(_ => Text.Get("Paging.PageSize", MaxPageSize));
    }
}
