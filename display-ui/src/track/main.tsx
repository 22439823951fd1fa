import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './track.css';
import { TrackApp } from './TrackApp';
import { tokenFromPath } from './use-tracking';
import { addVietnamese } from '@luot/ui-shared/use-i18n';
import { viTrack } from '../../../server/src/contract/messages-vi/track';

// This screen's own strings, beside the shared ones (the others' never load here).
addVietnamese(viTrack);

mount(<TrackApp token={tokenFromPath(location.pathname)} />);
