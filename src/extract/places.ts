/** Places in England and Wales that documents name as service areas: police areas, counties, councils' areas, towns. */

export const POLICE_AREAS = [
  'Avon and Somerset',
  'Bedfordshire',
  'Cambridgeshire',
  'Cheshire',
  'Cleveland',
  'Cumbria',
  'Derbyshire',
  'Devon and Cornwall',
  'Dorset',
  'Durham',
  'Dyfed-Powys',
  'Essex',
  'Gloucestershire',
  'Greater Manchester',
  'Gwent',
  'Hampshire and Isle of Wight',
  'Hampshire',
  'Hertfordshire',
  'Humberside',
  'Kent',
  'Lancashire',
  'Leicestershire',
  'Lincolnshire',
  'London',
  'Merseyside',
  'Norfolk',
  'North Wales',
  'North Yorkshire',
  'Northamptonshire',
  'Northumbria',
  'Nottinghamshire',
  'South Wales',
  'South Yorkshire',
  'Staffordshire',
  'Suffolk',
  'Surrey',
  'Sussex',
  'Thames Valley',
  'Warwickshire',
  'West Mercia',
  'West Midlands',
  'West Yorkshire',
  'Wiltshire',
]

const PLACES = `
Adur, Allerdale, Amber Valley, Arun, Ashfield, Ashford, Babergh, Barking and Dagenham, Barnet, Barnsley, Barrow-in-Furness, Basildon, Basingstoke, Bassetlaw, Bath, Bath and North East Somerset, Bedford, Bexley, Birmingham, Blaby, Blackburn, Blackburn with Darwen, Blackpool, Blaenau Gwent, Bolsover, Bolton, Boston, Bournemouth, Bracknell Forest, Bradford, Braintree, Breckland, Brent, Brentwood, Bridgend, Brighton, Brighton and Hove, Bristol, Broadland, Bromley, Bromsgrove, Broxbourne, Broxtowe, Buckinghamshire, Burnley, Bury, Caerphilly, Calderdale, Cambridge, Camden, Cannock Chase, Canterbury, Cardiff, Carlisle, Carmarthenshire, Castle Point, Ceredigion, Charnwood, Chelmsford, Cheltenham, Cherwell, Cheshire East, Cheshire West and Chester, Chester, Chesterfield, Chichester, Chorley, Christchurch, Colchester, Conwy, Copeland, Corby, Cornwall, Cotswold, Coventry, Craven, Crawley, Croydon, Dacorum, Darlington, Dartford, Denbighshire, Derby, Derbyshire Dales, Devon, Doncaster, Dover, Dudley, Ealing, East Cambridgeshire, East Devon, East Hampshire, East Hertfordshire, East Lindsey, East Riding of Yorkshire, East Staffordshire, East Suffolk, East Sussex, Eastbourne, Eastleigh, Eden, Elmbridge, Enfield, Epping Forest, Epsom and Ewell, Erewash, Exeter, Fareham, Fenland, Flintshire, Folkestone, Forest of Dean, Fylde, Gateshead, Gedling, Gloucester, Gosport, Gravesham, Great Yarmouth, Greenwich, Guildford, Gwynedd, Hackney, Halton, Hambleton, Hammersmith and Fulham, Harborough, Haringey, Harlow, Harrogate, Harrow, Hart, Hartlepool, Hastings, Havant, Havering, Herefordshire, Hertsmere, High Peak, Hillingdon, Hinckley and Bosworth, Horsham, Hounslow, Huntingdonshire, Hyndburn, Ipswich, Isle of Anglesey, Isle of Wight, Isles of Scilly, Islington, Kensington and Chelsea, Kettering, King's Lynn, Kingston upon Thames, Kingston upon Hull, Hull, Kirklees, Knowsley, Lambeth, Lancaster, Leeds, Leicester, Lewes, Lewisham, Lichfield, Lincoln, Liverpool, Luton, Maidstone, Maldon, Malvern Hills, Manchester, Mansfield, Medway, Melton, Mendip, Merthyr Tydfil, Merton, Mid Devon, Mid Suffolk, Mid Sussex, Middlesbrough, Milton Keynes, Mole Valley, Monmouthshire, Neath Port Talbot, New Forest, Newark, Newark and Sherwood, Newcastle upon Tyne, Newcastle-under-Lyme, Newham, Newport, North Devon, North East Lincolnshire, North Hertfordshire, North Kesteven, North Lincolnshire, North Norfolk, North Northamptonshire, North Somerset, North Tyneside, North Warwickshire, North West Leicestershire, Northampton, Northumberland, Norwich, Nottingham, Nuneaton and Bedworth, Oadby and Wigston, Oldham, Oxford, Oxfordshire, Pembrokeshire, Pendle, Peterborough, Plymouth, Poole, Portsmouth, Powys, Preston, Reading, Redbridge, Redcar and Cleveland, Redditch, Reigate and Banstead, Rhondda Cynon Taf, Ribble Valley, Richmond upon Thames, Richmondshire, Rochdale, Rochford, Rossendale, Rother, Rotherham, Rugby, Runnymede, Rushcliffe, Rushmoor, Rutland, Ryedale, Salford, Sandwell, Scarborough, Sedgemoor, Sefton, Selby, Sevenoaks, Sheffield, Shropshire, Slough, Solihull, Somerset, South Cambridgeshire, South Derbyshire, South Gloucestershire, South Hams, South Holland, South Kesteven, South Lakeland, South Norfolk, South Oxfordshire, South Ribble, South Somerset, South Staffordshire, South Tyneside, Southampton, Southend-on-Sea, Southwark, Spelthorne, St Albans, St Helens, Stafford, Staffordshire Moorlands, Stevenage, Stockport, Stockton-on-Tees, Stoke-on-Trent, Stratford-on-Avon, Stroud, Sunderland, Surrey Heath, Sutton, Swale, Swansea, Swindon, Tameside, Tamworth, Tandridge, Teignbridge, Telford and Wrekin, Tendring, Test Valley, Tewkesbury, Thanet, Three Rivers, Thurrock, Tonbridge and Malling, Torbay, Torfaen, Torridge, Tower Hamlets, Trafford, Tunbridge Wells, Uttlesford, Vale of Glamorgan, Vale of White Horse, Wakefield, Walsall, Waltham Forest, Wandsworth, Warrington, Warwick, Watford, Waverley, Wealden, Wellingborough, Welwyn Hatfield, West Berkshire, West Devon, West Lancashire, West Lindsey, West Northamptonshire, West Oxfordshire, West Suffolk, Westminster, Wigan, Winchester, Windsor and Maidenhead, Wirral, Woking, Wokingham, Wolverhampton, Worcester, Worcestershire, Worthing, Wrexham, Wychavon, Wyre, Wyre Forest, York, Berkshire, Greater London, Wales, Southwell, Hucknall, Worksop, Retford, Beeston, Arnold, Kirkby-in-Ashfield, Sutton-in-Ashfield, Isle of Man, Borsetshire, Borchester, Felpersham, Loxley Barrett
`

function parsePlaces(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
}

const ALL_PLACES = [...new Set([...POLICE_AREAS, ...parsePlaces(PLACES)])]

/** Place names, longest first, for matching at a position. */
export const PLACE_NAMES: readonly string[] = ALL_PLACES.sort((a, b) => b.length - a.length)
const PLACE_SET = new Map(PLACE_NAMES.map((name) => [name.toLowerCase(), name]))

export function canonicalPlace(text: string): string | null {
  return PLACE_SET.get(text.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null
}

/** A council's printed short name for a known place: "Barrow" (Borough Council) for Barrow-in-Furness. */
export function shortPlace(text: string): string | null {
  const key = text.trim().replace(/\s+/g, ' ')
  const exact = canonicalPlace(key)
  if (exact) return exact
  if (!/^[A-Z][a-z'-]{3,}$/.test(key)) return null
  const longer = PLACE_NAMES.filter((name) => name.toLowerCase().startsWith(`${key.toLowerCase()}-`))
  return longer.length === 1 ? key : null
}

/** Short forms seen in e-mail and web addresses. */
export const PLACE_ALIASES: Record<string, string> = {
  notts: 'Nottinghamshire',
  nottinghamshire: 'Nottinghamshire',
  hampshire: 'Hampshire',
  essex: 'Essex',
  hants: 'Hampshire',
  herts: 'Hertfordshire',
  lincs: 'Lincolnshire',
  leics: 'Leicestershire',
  northants: 'Northamptonshire',
  staffs: 'Staffordshire',
  glos: 'Gloucestershire',
  beds: 'Bedfordshire',
  cambs: 'Cambridgeshire',
  derbys: 'Derbyshire',
  wilts: 'Wiltshire',
  avonandsomerset: 'Avon and Somerset',
  devonandcornwall: 'Devon and Cornwall',
  thamesvalley: 'Thames Valley',
  westmercia: 'West Mercia',
  westmidlands: 'West Midlands',
  westyorkshire: 'West Yorkshire',
  southyorkshire: 'South Yorkshire',
  northyorkshire: 'North Yorkshire',
  northwales: 'North Wales',
  southwales: 'South Wales',
  greatermanchester: 'Greater Manchester',
  dyfedpowys: 'Dyfed-Powys',
  cumbria: 'Cumbria',
  cheshire: 'Cheshire',
  cleveland: 'Cleveland',
  dorset: 'Dorset',
  durham: 'Durham',
  gwent: 'Gwent',
  humberside: 'Humberside',
  kent: 'Kent',
  lancashire: 'Lancashire',
  merseyside: 'Merseyside',
  norfolk: 'Norfolk',
  northumbria: 'Northumbria',
  suffolk: 'Suffolk',
  surrey: 'Surrey',
  sussex: 'Sussex',
  warwickshire: 'Warwickshire',
  wiltshire: 'Wiltshire',
  bedfordshire: 'Bedfordshire',
  cambridgeshire: 'Cambridgeshire',
  derbyshire: 'Derbyshire',
  gloucestershire: 'Gloucestershire',
  hertfordshire: 'Hertfordshire',
  leicestershire: 'Leicestershire',
  lincolnshire: 'Lincolnshire',
  northamptonshire: 'Northamptonshire',
  staffordshire: 'Staffordshire',
  hampshire_iow: 'Hampshire and Isle of Wight',
}
