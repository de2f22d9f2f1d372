using Salam.Domain.Common;

namespace Salam.Domain.Geography;

public enum CentreKind { PositiveLife = 0, CommunityCentre = 1 }

/// <summary>A facilitation centre (مرکز مثبت زندگی) whose facilitators run the work of the neighbourhoods it serves.</summary>
public sealed class Centre : Entity
{
    private Centre() { }

    public const int NameMaxLength = 150;
    public const int AddressMaxLength = 300;

    public Centre(int provinceId, string nameFa, string nameEn, string address, CentreKind kind = CentreKind.PositiveLife)
    {
        ProvinceId = provinceId;
        Describe(nameFa, nameEn, address, kind);
    }

    public int ProvinceId { get; private set; }
    public string NameFa { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string Address { get; private set; } = "";
    public CentreKind Kind { get; private set; }
    public List<Neighbourhood> Neighbourhoods { get; private set; } = [];

    public void Describe(string nameFa, string nameEn, string address, CentreKind kind)
    {
        if (string.IsNullOrWhiteSpace(nameFa) || string.IsNullOrWhiteSpace(nameEn)) throw new DomainException("Centre.NameRequired");
        if (!Enum.IsDefined(kind)) throw new DomainException("Centre.KindInvalid");
        NameFa = nameFa.Trim();
        NameEn = nameEn.Trim();
        Address = address?.Trim() ?? "";
        Kind = kind;
    }

    /// <summary>Serves exactly the chosen neighbourhoods (their counties loaded), taking them from any centre that served them; a centre works within its own province only.</summary>
    public void Serve(IReadOnlyCollection<Neighbourhood> chosen, IEnumerable<Neighbourhood> servedNow)
    {
        if (chosen.Any(n => n.County is null || n.County.ProvinceId != ProvinceId)) throw new DomainException("Centre.NeighbourhoodInAnotherProvince");
        foreach (var dropped in servedNow.Where(n => chosen.All(c => c.Id != n.Id)).ToList()) dropped.NoLongerServed();
        foreach (var neighbourhood in chosen) neighbourhood.ServedBy(this);
    }
}
