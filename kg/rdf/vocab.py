"""The zhkg vocabulary, generated from ``ontology/kg.ttl`` by
``python3 -m kg.rdf.vocabgen``: do not edit by hand.

``KGV`` is an rdflib ``DefinedNamespace``: ``KGV.visited`` is the IRI of
``kg:visited``, and a name the ontology does not define raises
``AttributeError`` instead of minting a misspelt IRI.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class KGV(DefinedNamespace):
    _NS = Namespace("https://w3id.org/zhkg/ontology#")
    _fail = True

    # classes
    Agreement: URIRef  # agreement
    Article: URIRef  # article
    Assertion: URIRef  # assertion
    Association: URIRef  # association
    City: URIRef  # city
    Company: URIRef  # company
    Country: URIRef  # country
    District: URIRef  # district
    Event: URIRef  # event
    GovernmentBody: URIRef  # government body
    Meeting: URIRef  # meeting
    NamedEntity: URIRef  # named entity
    Organization: URIRef  # organization
    Park: URIRef  # development zone or park
    Person: URIRef  # person
    Place: URIRef  # place
    Position: URIRef  # position
    Province: URIRef  # province
    ResearchInstitution: URIRef  # research institution
    Signing: URIRef  # signing
    Town: URIRef  # town
    University: URIRef  # university
    Visit: URIRef  # visit

    # properties
    accompanied: URIRef  # accompanied
    adminCode: URIRef  # administrative division code
    affiliatedWith: URIRef  # affiliated with
    agent: URIRef  # agent
    agreement: URIRef  # agreement
    companion: URIRef  # companion
    date: URIRef  # date
    dateText: URIRef  # date as written
    editor: URIRef  # editor
    endDate: URIRef  # end date
    entityRelation: URIRef  # entity relation
    evidence: URIRef  # evidence
    evidenceOriginal: URIRef  # original evidence
    holdsPosition: URIRef  # holds position
    locatedIn: URIRef  # located in
    mentionedIn: URIRef  # mentioned in
    metWith: URIRef  # met with
    object: URIRef  # object
    originalScript: URIRef  # original script
    partOf: URIRef  # part of
    participant: URIRef  # participant
    party: URIRef  # party
    place: URIRef  # place
    positionIn: URIRef  # position in
    predicate: URIRef  # predicate
    publisher: URIRef  # publisher
    reporter: URIRef  # reporter
    sentenceIndex: URIRef  # sentence index
    signed: URIRef  # signed
    signer: URIRef  # signer
    source: URIRef  # source
    sourceFile: URIRef  # source file
    startDate: URIRef  # start date
    subject: URIRef  # subject
    supportedBy: URIRef  # supported by
    target: URIRef  # target
    title: URIRef  # title
    visited: URIRef  # visited
    witnessed: URIRef  # witnessed


#: every class and property the ontology defines (local names)
CLASSES: tuple[str, ...] = ('Agreement', 'Article', 'Assertion', 'Association', 'City', 'Company', 'Country', 'District', 'Event', 'GovernmentBody', 'Meeting', 'NamedEntity', 'Organization', 'Park', 'Person', 'Place', 'Position', 'Province', 'ResearchInstitution', 'Signing', 'Town', 'University', 'Visit')
PROPERTIES: tuple[str, ...] = ('accompanied', 'adminCode', 'affiliatedWith', 'agent', 'agreement', 'companion', 'date', 'dateText', 'editor', 'endDate', 'entityRelation', 'evidence', 'evidenceOriginal', 'holdsPosition', 'locatedIn', 'mentionedIn', 'metWith', 'object', 'originalScript', 'partOf', 'participant', 'party', 'place', 'positionIn', 'predicate', 'publisher', 'reporter', 'sentenceIndex', 'signed', 'signer', 'source', 'sourceFile', 'startDate', 'subject', 'supportedBy', 'target', 'title', 'visited', 'witnessed')
#: the shortcut relations between entities (sub-properties of kg:entityRelation), in the guide's order
ENTITY_RELATIONS: tuple[str, ...] = ('visited', 'metWith', 'accompanied', 'affiliatedWith', 'partOf', 'locatedIn')
SYMMETRIC: frozenset[str] = frozenset(('metWith',))
