import { mount } from '@luot/ui-shared/mount';
import '@luot/ui-shared/theme.css';
import './track.css';
import { TrackApp } from './TrackApp';
import { tokenFromPath } from './use-tracking';

mount(<TrackApp token={tokenFromPath(location.pathname)} />);
