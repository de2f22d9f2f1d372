using Salam.Domain.Common;
using Salam.Domain.Geography;

namespace Salam.Domain.People;

/// <summary>A registered resident of one neighbourhood; may vote online (with an account) or on paper at the centre.</summary>
public sealed class Resident : Entity
{
    private Resident() { }

    public Resident(int neighbourhoodId, string fullName, MobileNumber mobile, NationalId? nationalId, DateTimeOffset registeredAt)
    {
        if (string.IsNullOrWhiteSpace(fullName)) throw new DomainException("Resident.NameRequired");
        NeighbourhoodId = neighbourhoodId;
        FullName = fullName.Trim();
        Mobile = mobile.Value;
        NationalId = nationalId?.Value;
        RegisteredAt = registeredAt;
    }

    public int NeighbourhoodId { get; private set; }
    public Neighbourhood? Neighbourhood { get; private set; }
    public string FullName { get; private set; } = "";
    public string Mobile { get; private set; } = "";
    public string? NationalId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
}
