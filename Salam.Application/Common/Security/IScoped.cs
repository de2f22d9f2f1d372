namespace Salam.Application.Common.Security;

/// <summary>A request about one neighbourhood; the pipeline refuses it when the caller's scope does not reach it.</summary>
public interface INeighbourhoodScoped
{
    int NeighbourhoodId { get; }
}

/// <summary>A request about one province; the pipeline refuses it when the caller's scope does not reach it.</summary>
public interface IProvinceScoped
{
    int ProvinceId { get; }
}
