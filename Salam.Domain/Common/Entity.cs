namespace Salam.Domain.Common;

/// <summary>Base of every entity: a database-generated integer identity.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}
